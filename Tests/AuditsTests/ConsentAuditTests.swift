import CRMData
import Formatting
import Foundation
import Testing
import TestSupport
@testable import Audits

/// A whole audit over a small CRM, every number computed by hand.
@Suite struct ConsentAuditTests {
    /// Five contacts, nine consent events, nine messages in two campaigns; as of Monday 2026-11-23.
    static let example = Example(
        config: ["consent.severity": "{missing_evidence: info}"],
        ["contacts": [R.contact(1), R.contact(2), R.contact(3), R.contact(4, deleted: "2026-11-01"), R.contact(5)],
         "campaigns": [["id": "1", "name": "Autumn sale", "channel": "email", "started_at": "2026-11-01"],
                       ["id": "2", "name": "SMS promo", "channel": "sms", "started_at": "2026-11-10"]],
         "consents": [R.grant(1, contact: 1, at: "2026-01-01"),
                      R.grant(2, contact: 1, "processing", channel: nil, at: "2025-01-01"),
                      R.grant(3, contact: 2, "processing", channel: nil, at: "2025-01-01"),
                      R.grant(4, contact: 3, channel: nil, at: "2026-01-01"),
                      R.withdraw(5, contact: 3, at: "2026-11-10"),
                      R.grant(6, contact: 3, "processing", channel: nil, at: "2025-01-01"),
                      R.grant(7, contact: 5, "processing", channel: nil, at: "2025-01-01"),
                      R.withdraw(8, contact: 5, "processing", channel: nil, at: "2026-09-01"),
                      R.grant(9, contact: 5, at: "2023-01-01", evidence: nil)],
         "messages": [campaign(R.message(100, contact: 1, at: "2026-11-17 10:00", unsubscribed: "2026-11-17 12:00"), 1),
                      campaign(R.message(101, contact: 1, at: "2026-11-19"), 1),
                      campaign(R.message(102, contact: 2, at: "2026-11-17"), 1),
                      campaign(R.message(103, contact: 2, channel: "sms", at: "2026-11-18"), 2),
                      campaign(R.message(104, contact: 3, at: "2026-11-12"), 1),
                      campaign(R.message(105, contact: 3, channel: "sms", at: "2026-11-12"), 2),
                      R.message(106, contact: 4, "transactional", at: "2026-11-05"),
                      R.message(107, contact: 2, at: "2026-10-06"),
                      campaign(R.message(108, contact: 5, at: "2026-11-17"), 1)]])

    static func campaign(_ row: ExampleRow.Row, _ id: Int) -> ExampleRow.Row {
        var r = row
        r["campaign_id"] = "\(id)"
        return r
    }

    static let waivers = [
        Waiver(key: FindingKey(check: "no_consent", subject: .message, id: 107), reason: "Imported list, consent on paper",
               acceptedBy: "DPO", expires: day("2026-12-31"), line: 1),
        Waiver(key: FindingKey(check: "no_consent", subject: .message, id: 102), reason: "Old", acceptedBy: "DPO",
               expires: day("2026-11-22"), line: 5),
        Waiver(key: FindingKey(check: "to_deleted", subject: .message, id: 999), reason: "Gone", acceptedBy: "DPO",
               expires: day("2027-01-01"), line: 9),
    ]

    static func day(_ s: String) -> Int { CivilDate.parse(s) ?? 0 }

    @Test func findingsInOrderWithTheirKeysAndEvidence() throws {
        let run = try ConsentCase(Self.example, waivers: Self.waivers)
        #expect(run.audit.findings.map(\.key.description) == [
            "after_unsubscribe:message:101", "after_withdrawal:message:104", "missing_evidence:consent:9",
            "no_consent:message:102", "no_consent:message:103", "no_consent:message:107",
            "no_processing_consent:contact:5", "not_erased:contact:5", "old_consent:consent:9",
            "to_deleted:message:106", "unrecorded_unsubscribe:message:100",
        ])
        // The public key function gives the same keys as the audit.
        for f in run.audit.findings {
            let subject = try #require(ConsentChecks.all.first { $0.description.identifier == f.check }).population.subject
            #expect(FindingKey(f.finding, subject: subject, in: run.snapshot) == f.key)
        }
        // after_unsubscribe is decided by the grant in force when message 101 was sent (grant 1), not by the unsubscribe.
        #expect(run.audit.findings.map { run.row($0).event } == [1, 5, 9, nil, nil, nil, 8, 8, 9, nil, nil])
        #expect(run.audit.findings.map { run.snapshot.contacts.id[Int($0.finding.contact)] } == [1, 3, 5, 2, 2, 2, 5, 5, 5, 4, 1])
        #expect(run.audit.findings.map(\.severity) == [.violation, .violation, .info, .violation, .violation, .violation,
                                                       .violation, .violation, .info, .violation, .warning])
        let causes = run.audit.findings.map { $0.unsubscribeMessage >= 0 ? run.snapshot.messages?.id[Int($0.unsubscribeMessage)] : nil }
        #expect(causes == [100, nil, nil, nil, nil, nil, nil, nil, nil, nil, 100])
        #expect(run.audit.waivedFindings.map { "\($0.finding.key) \($0.waiver.reason)" } == ["no_consent:message:107 Imported list, consent on paper"])
        #expect(run.audit.waivers.expired.map(\.key.description) == ["no_consent:message:102"])
        #expect(run.audit.waivers.unmatched.map(\.key.description) == ["to_deleted:message:999"])
    }

    @Test func countsAndTheReportJSON() throws {
        let run = try ConsentCase(Self.example, waivers: Self.waivers)
        let a = run.audit
        #expect((a.violations, a.warnings, a.info, a.waived) == (7, 1, 2, 1))
        #expect(a.judged == ["to_deleted": 9, "no_consent": 8, "after_withdrawal": 8, "expired_consent": 8, "after_unsubscribe": 8,
                             "unrecorded_unsubscribe": 1, "no_processing_consent": 4, "missing_evidence": 7, "old_consent": 3,
                             "minor": 3, "not_erased": 4])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(a.report), as: UTF8.self)
        #expect(json == """
            {"by_campaign":[{"campaign_id":1,"check":"after_unsubscribe","count":1},{"campaign_id":1,"check":"after_withdrawal","count":1},\
            {"campaign_id":1,"check":"no_consent","count":1},{"campaign_id":1,"check":"unrecorded_unsubscribe","count":1},\
            {"campaign_id":2,"check":"no_consent","count":1}],\
            "by_channel":{"after_unsubscribe":{"email":1},"after_withdrawal":{"email":1},"no_consent":{"email":1,"sms":1},\
            "to_deleted":{"email":1},"unrecorded_unsubscribe":{"email":1}},\
            "checks":{"after_unsubscribe":1,"after_withdrawal":1,"expired_consent":0,"minor":0,"missing_evidence":1,"no_consent":2,\
            "no_processing_consent":1,"not_erased":1,"old_consent":1,"to_deleted":1,"unrecorded_unsubscribe":1},\
            "expired_waiver":1,"expired_waiver_by_check":{"after_unsubscribe":0,"after_withdrawal":0,"expired_consent":0,"minor":0,\
            "missing_evidence":0,"no_consent":1,"no_processing_consent":0,"not_erased":0,"old_consent":0,"to_deleted":0,\
            "unrecorded_unsubscribe":0},"info":2,"violations":7,"waived":1,\
            "waived_by_check":{"after_unsubscribe":0,"after_withdrawal":0,"expired_consent":0,"minor":0,"missing_evidence":0,\
            "no_consent":1,"no_processing_consent":0,"not_erased":0,"old_consent":0,"to_deleted":0,"unrecorded_unsubscribe":0},\
            "warnings":1}
            """)
        #expect(try JSONDecoder().decode(ConsentReport.self, from: Data(json.utf8)) == a.report)
    }

    @Test func violationsByWeekAndByPeriod() throws {
        let run = try ConsentCase(Self.example, waivers: Self.waivers)
        let weekly = run.audit.weekly
        #expect(weekly.count == 26 && weekly.first?.label == "2026-W22" && weekly.last?.label == "2026-W47")
        #expect(weekly.last?.startDay == Self.day("2026-11-16"))
        #expect(weekly.suffix(3).map(\.count) == [1, 1, 3] && weekly.map(\.count).reduce(0, +) == 5)
        let zone = run.snapshot.zone
        func at(_ d: String) -> Instant { zone.startOfDay(Self.day(d)) }
        #expect(run.audit.violations(sentFrom: at("2026-11-16"), to: at("2026-11-23")) == 3)
        #expect(run.audit.violations(sentFrom: at("2026-11-09"), to: at("2026-11-16")) == 1)
        // The waived no_consent of 2026-10-06 is not a violation of its week.
        #expect(run.audit.violations(sentFrom: at("2026-10-05"), to: at("2026-10-12")) == 0)
        let unwaived = try ConsentCase(Self.example)
        #expect(unwaived.audit.violations(sentFrom: at("2026-10-05"), to: at("2026-10-12")) == 1)
    }

    @Test func addressableBase() throws {
        let run = try ConsentCase(Self.example)
        let zone = run.snapshot.zone
        func base(_ d: String, _ reachable: @escaping (Int, Channel) -> Bool = { _, _ in true }) -> Int {
            run.audit.addressableBase(at: zone.startOfDay(Self.day(d)), in: run.snapshot, reachable: reachable)
        }
        #expect(base("2026-11-23") == 3)                      // contacts 1, 3 (sms and more) and 5
        #expect(base("2026-11-23") { _, ch in ch == .email } == 2)   // contact 3 withdrew e-mail
        #expect(base("2026-11-23") { row, _ in row != 0 } == 2)       // contact 1 unreachable
        #expect(base("2026-01-01") == 1)                      // the grants at that very moment are not before it
        #expect(base("2026-01-02") == 3)
        #expect(base("2025-06-01") == 1)
    }

    @Test func theGate() throws {
        let run = try ConsentCase(Self.example, waivers: Self.waivers)
        #expect(run.audit.gate(failOn: .violation).failing.map(\.check)
                == ["after_unsubscribe", "after_withdrawal", "no_consent", "no_processing_consent", "not_erased", "to_deleted"])
        #expect(run.audit.gate(failOn: .warning).failing.map(\.check)
                == ["after_unsubscribe", "after_withdrawal", "no_consent", "no_processing_consent", "not_erased", "to_deleted",
                    "unrecorded_unsubscribe"])
        #expect(run.audit.gate(failOn: .violation).summary.hasPrefix("fail-on violation: after_unsubscribe (1), after_withdrawal (1), no_consent (2)"))
    }

    /// Issue 22.2: without `messages` the audit used to be nil, so not_erased and
    /// no_processing_consent (which need no messages) were skipped and the gate passed silently.
    @Test func checksWhoseTablesExistRunTheOthersAreNotRun() throws {
        let db = try FixtureDB(omitTables: ["messages"])
        try db.contact(1, created: "2025-01-01", email: "a@example.com")
        try db.insert("consents", ["id": 1, "contact_id": 1, "purpose": "processing", "action": "grant", "occurred_at": "2026-01-01",
                                   "source": "web", "evidence": "form v1"])
        try db.insert("consents", ["id": 2, "contact_id": 1, "purpose": "processing", "action": "withdraw", "occurred_at": "2026-09-01"])
        let audit = try ConsentAudit.run(on: try db.snapshot(asOf: "2026-11-23"), config: ReportConfig())
        // Withdrawn 83 days before A (> 30), not deleted: not_erased; no active processing grant: no_processing_consent.
        #expect(audit.counts["not_erased"] == 1 && audit.counts["no_processing_consent"] == 1)
        #expect(audit.absentTables == ["to_deleted": ["messages"], "no_consent": ["messages"], "after_withdrawal": ["messages"],
                                       "expired_consent": ["messages"], "after_unsubscribe": ["messages"], "unrecorded_unsubscribe": ["messages"]])
        #expect(audit.ranAny && !audit.ran("no_consent") && audit.ran("minor"))
        #expect(audit.report.checks["no_consent"] == .some(nil) && audit.report.checks["not_erased"] == 1)
        let gate = audit.gate(failOn: .violation)
        #expect(gate.failing.map(\.check) == ["after_unsubscribe", "after_withdrawal", "expired_consent", "no_consent", "no_processing_consent",
                                               "not_erased", "to_deleted"])
        #expect(gate.summary == "fail-on violation: after_unsubscribe (not run), after_withdrawal (not run), expired_consent (not run), "
                + "no_consent (not run), no_processing_consent (1), not_erased (1), to_deleted (not run)")
        #expect(gate.notRun.count == 6 && gate.notRun.first?.notRunReason == "table messages absent")
        // Skipped by config, a check that cannot run no longer fails the gate; the ones that ran still do.
        let skip = try ReportConfig.with(["consent.skip": "[to_deleted, no_consent, after_withdrawal, expired_consent, after_unsubscribe]"])
        let skipped = try ConsentAudit.run(on: try db.snapshot(asOf: "2026-11-23"), config: skip)
        #expect(skipped.gate(failOn: .violation).failing.map(\.check) == ["no_processing_consent", "not_erased"])
        // unrecorded_unsubscribe is a warning: it fails a warning gate until skipped too.
        #expect(skipped.gate(failOn: .warning).failing.map(\.check) == ["no_processing_consent", "not_erased", "unrecorded_unsubscribe"])
    }

    @Test func withoutEitherTableNothingRunsAndEveryCheckIsListed() throws {
        let db = try FixtureDB(omitTables: ["messages", "consents"])
        try db.contact(1)
        let audit = try ConsentAudit.run(on: try db.snapshot(asOf: "2026-11-23"), config: ReportConfig())
        #expect(!audit.ranAny && audit.findings.isEmpty && audit.absentTables["minor"] == ["consents"])
        #expect(audit.absentTables["no_consent"] == ["consents", "messages"] && audit.absentTables["to_deleted"] == ["messages"])
        #expect(audit.gate(failOn: .violation).failing.count == 7 && audit.gate(failOn: .warning).failing.count == 10)
    }
}

extension ConsentAuditTests {
    @Test func addressableBaseAtSeveralMomentsInOnePass() throws {
        let run = try ConsentCase(Self.example)
        let zone = run.snapshot.zone
        let moments = ["2026-11-23", "2025-06-01", "2026-01-02", "2026-01-01"].map { zone.startOfDay(Self.day($0)) }
        var asked = 0
        #expect(run.audit.addressableBase(at: moments, in: run.snapshot) { _, _ in asked += 1; return true } == [3, 1, 3, 1])
        // Once per contact and channel, whatever the number of moments: 1 e-mail; 3 e-mail (January), then sms (at A); 5 e-mail.
        #expect(asked == 4)
    }
}
