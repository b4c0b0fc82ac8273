import CRMData
import Formatting
import Foundation
import Testing
import TestSupport
@testable import Audits

/// A hand-computed audit of ten contacts at A = Monday 2026-11-23 (period 2026-11-16..23),
/// trend at A' = 2026-11-16 (period 2026-11-09..16). The numbers in the expectations are worked
/// out by hand in the comments of `fixture()`.
@Suite struct StaleContactsAuditTests {
    /// Contacts, and what each should give at A / at A':
    ///  1 site    created 2024-11-20, never verified: unverified at A (733 d), not at A' (726 d);
    ///            e-mail duplicates 2's; completed order 11-10 keeps it active.
    ///  2 ads     " ANNA@example.com": duplicate of 1; no activity since 03-01: dormant.
    ///  3 ads     info@: role_address; fixed line with an SMS marketing grant: sms_to_non_mobile.
    ///  4 partner mailinator.com: disposable_domain; "12345": invalid_phone; interaction 11-20
    ///            keeps it active at A, not at A' (dormant then).
    ///  5 (none)  "me@localhost": invalid_email, unreachable; birth 1990-02-30: implausible; dormant.
    ///  6 site    email_status hard_bounce: bounced; push token: reachable; consent event 11-18:
    ///            active at A, dormant at A'.
    ///  7 site    hard bounce of an e-mail sent 11-17: bounced and unreachable at A, neither at A';
    ///            dormant.
    ///  8 partner deleted 2026-10-01: in no base, not even as 1's duplicate.
    ///  9 ads     created 11-18 (after A'): toll-free number sent an SMS on 11-19: sms_to_non_mobile.
    /// 10 site    deleted 11-20: in the base at A' only, dormant there.
    static func fixture(omitTables: Set<String> = []) throws -> FixtureDB {
        let db = try FixtureDB(omitTables: omitTables)
        var rows: [String: [[String: String?]]] = [
            "contacts": [
                ["id": "1", "source": "site", "created_at": "2024-11-20", "email": "anna@example.com", "phone": "+7 912 345-67-89"],
                ["id": "2", "source": "ads", "created_at": "2026-03-01", "email": " ANNA@example.com"],
                ["id": "3", "source": "ads", "created_at": "2026-01-01", "email": "info@example.com", "phone": "8 (301) 123-45-67"],
                ["id": "4", "source": "partner", "created_at": "2026-02-01", "email": "bob@mailinator.com", "phone": "12345"],
                ["id": "5", "source": nil, "created_at": "2026-05-01", "email": "me@localhost", "birth_date": "1990-02-30"],
                ["id": "6", "source": "site", "created_at": "2026-04-01", "email": "carol@example.com", "email_status": "hard_bounce",
                 "push_token": "tok"],
                ["id": "7", "source": "site", "created_at": "2026-06-01", "email": "dave@example.com"],
                ["id": "8", "source": "partner", "created_at": "2026-01-10", "email": "anna@example.com", "deleted_at": "2026-10-01"],
                ["id": "9", "source": "ads", "created_at": "2026-11-18", "email": "eve@example.com", "phone": "8 (800) 123-45-67"],
                ["id": "10", "source": "site", "created_at": "2026-02-15", "email": "frank@example.com", "deleted_at": "2026-11-20"],
            ],
            "orders": [
                ["id": "1", "contact_id": "1", "ordered_at": "2026-11-10", "amount": "100", "status": "completed"],
                ["id": "2", "contact_id": "3", "ordered_at": "2026-11-01", "amount": "50", "status": "completed"],
            ],
        ]
        if !omitTables.contains("interactions") {
            rows["interactions"] = [["id": "1", "contact_id": "4", "kind": "call_in", "occurred_at": "2026-11-20"]]
        }
        if !omitTables.contains("consents") {
            rows["consents"] = [
                ["id": "1", "contact_id": "3", "purpose": "marketing", "channel": "sms", "action": "grant", "occurred_at": "2026-01-05"],
                ["id": "2", "contact_id": "6", "purpose": "processing", "channel": nil, "action": "grant", "occurred_at": "2026-11-18"],
            ]
        }
        if !omitTables.contains("messages") {
            rows["messages"] = [
                ["id": "1", "contact_id": "7", "channel": "email", "purpose": "marketing", "sent_at": "2026-11-17", "bounce": "hard"],
                ["id": "2", "contact_id": "9", "channel": "sms", "purpose": "transactional", "sent_at": "2026-11-19",
                 "delivered_at": "2026-11-19"],
            ]
        }
        try db.insert(rows: rows)
        return db
    }

    static func audit(_ db: FixtureDB) throws -> (StaleAuditor, StaleContactsAudit) {
        let snapshot = try db.snapshot(asOf: "2026-11-23")
        #expect(snapshot.badRows.entries.isEmpty)
        let auditor = StaleAuditor(snapshot: snapshot, config: ReportConfig())
        let previousAsOf = StaleAuditor.previousAsOf(snapshot.asOf, period: .week, zone: snapshot.zone)
        let period = isoWeek(endingBefore: snapshot.asOf, snapshot.zone)
        return (auditor, auditor.audit(previousAsOf: previousAsOf, period: period,
                                       previousPeriod: isoWeek(endingBefore: previousAsOf, snapshot.zone)))
    }

    static func result(_ count: Int, _ previous: Int, _ bySource: [String: Int]) -> StaleCheckResult {
        StaleCheckResult(count: count, share: Double(count) / 8, previousCount: previous,
                         bySource: ["(none)": 0, "ads": 0, "partner": 0, "site": 0].merging(bySource) { $1 })
    }

    @Test func handComputedAuditWithTrendAndSources() throws {
        let db = try Self.fixture()
        let (_, audit) = try Self.audit(db)
        #expect(audit.base == 8)           // 1-7 and 9
        #expect(audit.previousBase == 8)   // 1-7 and 10
        let expected: [String: StaleCheckResult?] = [
            "unverified": Self.result(1, 0, ["site": 1]),
            "invalid_email": Self.result(1, 1, ["(none)": 1]),
            "invalid_phone": Self.result(1, 1, ["partner": 1]),
            "bounced": Self.result(2, 1, ["site": 2]),
            "duplicate": Self.result(2, 2, ["site": 1, "ads": 1]),
            "unreachable": Self.result(2, 1, ["(none)": 1, "site": 1]),
            "dormant": Self.result(3, 6, ["ads": 1, "(none)": 1, "site": 1]),
            "implausible": Self.result(1, 1, ["(none)": 1]),
            "role_address": Self.result(1, 1, ["ads": 1]),
            "disposable_domain": Self.result(1, 1, ["partner": 1]),
            "sms_to_non_mobile": Self.result(2, 1, ["ads": 2]),
        ]
        for (id, value) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(audit.checks[id] == value, "\(id)")
        }
        #expect(audit.checks.count == 11)
        #expect(audit.notes.isEmpty)
    }

    @Test func findingsAreSortedByContactThenCheck() throws {
        let db = try Self.fixture()
        let (auditor, audit) = try Self.audit(db)
        let ids = auditor.snapshot.contacts.id
        let listed = audit.findings.map { "\(ids[Int($0.contact)]) \($0.check)" }
        #expect(listed == [
            "1 duplicate", "1 unverified",
            "2 dormant", "2 duplicate",
            "3 role_address", "3 sms_to_non_mobile",
            "4 disposable_domain", "4 invalid_phone",
            "5 dormant", "5 implausible", "5 invalid_email", "5 unreachable",
            "6 bounced",
            "7 bounced", "7 dormant", "7 unreachable",
            "9 sms_to_non_mobile",
        ])
        let csv = audit.csvRows(in: auditor.snapshot)
        #expect(csv.first == StaleFindingRow(contactID: 1, check: "duplicate", source: "site", waiver: nil))
        #expect(csv[8] == StaleFindingRow(contactID: 5, check: "dormant", source: nil, waiver: nil))
    }

    @Test func staleShareAtThreeMoments() throws {
        let db = try Self.fixture()
        let (auditor, _) = try Self.audit(db)
        let zone = auditor.snapshot.zone
        // At A: 1 unverified, 4 invalid_phone, 5 invalid_email/unreachable, 6 and 7 bounced.
        #expect(auditor.staleShare(at: auditor.snapshot.asOf) == StaleShare(stale: 5, base: 8, share: 0.625))
        // At A' (2026-11-16): 4, 5 and 6 only.
        #expect(auditor.staleShare(at: zone.startOfDay(zone.day(of: auditor.snapshot.asOf) - 7))
                    == StaleShare(stale: 3, base: 8, share: 0.375))
        // A year before: nobody existed yet but contact 1 (created 2024-11-20), a valid, recent contact.
        #expect(auditor.staleShare(at: zone.startOfDay(zone.day(of: auditor.snapshot.asOf) - 364))
                    == StaleShare(stale: 0, base: 1, share: 0))
        // Before the first contact: an empty base has no share.
        #expect(auditor.staleShare(at: zone.startOfDay(zone.day(of: auditor.snapshot.asOf) - 1000))
                    == StaleShare(stale: 0, base: 0, share: nil))
    }

    /// Issue 22.3/22.4: a waived stale finding is counted apart (at A and one period earlier), one
    /// whose waiver expired is open and marked, and the CSV rows carry the waiver.
    @Test func waivedFindingsAreCountedApart() throws {
        let db = try Self.fixture()
        let snapshot = try db.snapshot(asOf: "2026-11-23")
        let auditor = StaleAuditor(snapshot: snapshot, config: ReportConfig())
        let previousAsOf = StaleAuditor.previousAsOf(snapshot.asOf, period: .week, zone: snapshot.zone)
        let day = { (s: String) in CivilDate.parse(s) ?? 0 }
        let waivers = [Waiver(key: FindingKey(check: "dormant", subject: .contact, id: 2), reason: "Seasonal", acceptedBy: "CRM lead",
                              expires: day("2027-01-31")),
                       Waiver(key: FindingKey(check: "dormant", subject: .contact, id: 5), reason: "Old", acceptedBy: "CRM lead",
                              expires: day("2026-11-01"))]
        let audit = auditor.audit(previousAsOf: previousAsOf, period: isoWeek(endingBefore: snapshot.asOf, snapshot.zone),
                                  previousPeriod: isoWeek(endingBefore: previousAsOf, snapshot.zone), waivers: waivers)
        // dormant at A: contacts 2 (ads, waived), 5 ((none), expired waiver: open) and 7 (site); at A' 6, contact 2 among them.
        let dormant = try #require(audit.checks["dormant"] ?? nil)
        #expect((dormant.count, dormant.waived, dormant.expiredWaiver, dormant.previousCount) == (2, 1, 1, 5))
        #expect(dormant.bySource == ["(none)": 1, "ads": 0, "partner": 0, "site": 1] && dormant.share == 0.25)
        #expect(audit.waived == 1 && audit.expiredWaiver == 1)
        #expect(audit.findings.filter { $0.check == "dormant" }.count == 3)   // every finding is kept, the waived marked
        let rows = audit.csvRows(in: snapshot)
        #expect(rows.filter { $0.waiver != nil }.map { "\($0.contactID) \($0.check) \($0.waiver?.reason ?? "")" } == ["2 dormant Seasonal"])
        #expect(audit.waivers.expired.map(\.key.description) == ["dormant:contact:5"] && audit.waivers.unmatched.isEmpty)
    }

    @Test func encodesReportJSONsStaleContactsShape() throws {
        let db = try Self.fixture()
        let (_, audit) = try Self.audit(db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(audit), as: UTF8.self)
        func check(_ id: String, _ count: Int, _ previous: Int, _ share: String, _ none: Int, _ ads: Int, _ partner: Int, _ site: Int) -> String {
            "\"\(id)\":{\"by_source\":{\"(none)\":\(none),\"ads\":\(ads),\"partner\":\(partner),\"site\":\(site)},"
                + "\"count\":\(count),\"expired_waiver\":0,\"previous_count\":\(previous),\"share\":\(share),\"waived\":0}"
        }
        let expected = "{\"base\":8,\"checks\":{"
            + [check("bounced", 2, 1, "0.25", 0, 0, 0, 2),
               check("disposable_domain", 1, 1, "0.125", 0, 0, 1, 0),
               check("dormant", 3, 6, "0.375", 1, 1, 0, 1),
               check("duplicate", 2, 2, "0.25", 0, 1, 0, 1),
               check("implausible", 1, 1, "0.125", 1, 0, 0, 0),
               check("invalid_email", 1, 1, "0.125", 1, 0, 0, 0),
               check("invalid_phone", 1, 1, "0.125", 0, 0, 1, 0),
               check("role_address", 1, 1, "0.125", 0, 1, 0, 0),
               check("sms_to_non_mobile", 2, 1, "0.25", 0, 2, 0, 0),
               check("unreachable", 2, 1, "0.25", 1, 0, 0, 1),
               check("unverified", 1, 0, "0.125", 0, 0, 0, 1)].joined(separator: ",")
            + "},\"expired_waiver\":0,\"previous_base\":8,\"waived\":0}"
        #expect(json == expected)
        // Decoding gives the same numbers back (findings and notes are not part of report.json).
        let decoded = try JSONDecoder().decode(StaleContactsAudit.self, from: Data(json.utf8))
        #expect(decoded == StaleContactsAudit(base: audit.base, previousBase: audit.previousBase, checks: audit.checks))
    }

    @Test func absentTablesMakeAChecksNullOrPartial() throws {
        let db = try Self.fixture(omitTables: ["messages", "consents"])
        let (_, audit) = try Self.audit(db)
        // Without messages and consents there is no evidence for sms_to_non_mobile: not run.
        #expect(audit.checks["sms_to_non_mobile"] == .some(nil))
        #expect(audit.notes.contains(StaleAuditNote(check: "sms_to_non_mobile", effect: .notRun,
                                                    absentTables: ["consents", "messages"])))
        // bounced runs on email_status alone: contact 6 only; 7's message bounce is unknown.
        #expect(audit.checks["bounced"]??.count == 1)
        #expect(audit.notes.contains(StaleAuditNote(check: "bounced", effect: .partial, absentTables: ["messages"])))
        #expect(audit.notes.contains(StaleAuditNote(check: "dormant", effect: .partial, absentTables: ["messages", "consents"])))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(audit), as: UTF8.self)
        #expect(json.contains("\"sms_to_non_mobile\":null"))
        #expect(!audit.findings.contains { $0.check == "sms_to_non_mobile" })
    }

    @Test func deletedContactsAreNeverCounted() throws {
        let db = try FixtureDB()
        // Contact 2 has every problem there is, and was deleted before A: nothing counts.
        try db.insert(rows: ["contacts": [
            ["id": "1", "created_at": "2026-11-01", "email": "ok@example.com"],
            ["id": "2", "created_at": "2020-01-01", "email": "info@localhost", "phone": "12345", "birth_date": "x",
             "email_status": "complaint", "deleted_at": "2026-11-22"],
            ["id": "3", "created_at": "2026-11-01", "email": "ok@example.com", "deleted_at": "2026-11-02"],
        ]])
        let snapshot = try db.snapshot(asOf: "2026-11-23")
        let auditor = StaleAuditor(snapshot: snapshot, config: ReportConfig())
        let period = isoWeek(endingBefore: snapshot.asOf, snapshot.zone)
        let previousAsOf = StaleAuditor.previousAsOf(snapshot.asOf, period: .week, zone: snapshot.zone)
        let audit = auditor.audit(previousAsOf: previousAsOf, period: period, previousPeriod: period)
        #expect(audit.base == 1)
        #expect(audit.findings.isEmpty)
        #expect(audit.checks.values.allSatisfy { $0?.count == 0 && $0?.bySource == ["(none)": 0] })
        // At 2026-11-16 contact 2 was not deleted yet: it counts then (invalid phone, among others).
        #expect(audit.previousBase == 2)
        #expect(audit.checks["invalid_phone"]??.previousCount == 1)
    }

    @Test func reachabilityForTheConsentAudit() throws {
        let db = try Self.fixture()
        let snapshot = try db.snapshot(asOf: "2026-11-23")
        let r = ContactReachability(snapshot: snapshot, config: ReportConfig())
        let row = { (id: Int64) in snapshot.contacts.id.firstIndex(of: id) ?? -1 }
        #expect(r.hasUsableEmail(row(1)) && r.phoneE164(row(1)) == "+79123456789" && r.phoneIsMobile[row(1)])
        #expect(!r.hasUsableEmail(row(6)) && r.emailBounced[row(6)] && r.isReachable(row(6)))   // push token
        #expect(!r.isReachable(row(7)))
        #expect(r.phoneValid[row(3)] && !r.phoneIsMobile[row(3)])
        #expect(!r.phoneValid[row(4)] && r.phoneE164(row(4)) == nil)
    }
}

@Suite struct StaleSettingsTests {
    @Test func configOverridesASeverityAndTheDays() throws {
        let config = try ReportConfig.applying(["stale.severity": "{bounced: violation}", "stale.verify_days": "365"])
        let settings = StaleSettings(config: config)
        #expect(settings.severity(of: BouncedCheck.description) == .violation)
        #expect(settings.severity(of: DormantCheck.description) == .warning)
        #expect(settings.verifyDays == 365)
        #expect(StaleAuditor.previousAsOf(Instant(ms: 0), period: .month, zone: .utc).ms == -31 * Instant.msPerDay)
    }
}
