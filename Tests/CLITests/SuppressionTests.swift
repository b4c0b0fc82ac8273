import Audits
import CRMData
import DemoData
import Formatting
import Foundation
import Reports
import Results
import Testing
import TestSupport

/// `crm-report suppression`: the list agrees with the audits to the row.
@Suite("crm-report suppression", .serialized)
struct SuppressionTests {
    static let asOf = "2026-11-23"

    /// The property on the 300-contact demo: a marketing message on each channel to each address,
    /// added at the as-of moment and judged by the whole consent audit (not the probe), raises a
    /// message finding exactly when the list holds the address with that finding's reason; every
    /// other row's reason is a finding of the audits (no_processing_consent, minor, bounced,
    /// invalid_email / invalid_phone).
    @Test func agreesWithTheAuditsOnTheDemo() throws {
        let folder = try ScratchFolder.make("crm-suppression")
        let path = folder.appendingPathComponent("demo.sqlite").path
        let day = try #require(CivilDate.parse(Self.asOf))
        try DemoGenerator.generate(path: path, options: .init(contacts: 300, seed: 1, asOfDay: day))
        let config = ReportConfig()
        let zone = try #require(ZoneClock(identifier: config.timezone))
        let snapshot = try SnapshotReader(path: path, asOf: zone.startOfDay(day), zone: zone).readWithKeys()
        let period = ReportPeriod.latest(config.period, asOfDay: day)
        let keys = try #require(snapshot.contactKeys)
        var tokenOf: [Int64: String] = [:]
        for i in 0..<keys.count { if let t = keys.pushToken[i] { tokenOf[keys.id[i]] = t } }
        let tokens = snapshot.contacts.id.map { tokenOf[$0] }
        let list = try SuppressionList(snapshot: snapshot, config: config, period: period, channels: Channel.allCases.map { $0 }, pushTokens: tokens)
        #expect(!list.rows.isEmpty)
        var listed: [String: SuppressionList.Row] = [:]
        for r in list.rows { listed["\(r.channel.name) \(r.contactID)"] = r }
        #expect(listed.count == list.rows.count, "one row per channel and contact")

        // Every (contact, channel) with an address gets a marketing message at A.
        var s = snapshot
        var m = try #require(s.messages)
        let first = m.count
        var sent: [(channel: Channel, contact: Int)] = []
        let c = s.contacts
        for channel in Channel.allCases {
            let code = s.vocabulary.channels.intern(channel.name)
            for k in 0..<c.count {
                let has = channel == .email ? c.email[k] != nil : channel == .push ? tokens[k] != nil : c.phone[k] != nil
                guard has else { continue }
                m.id.append(10_000_000 + Int64(m.count)); m.campaign.append(-1); m.contact.append(Int32(k)); m.channel.append(code)
                m.purpose.append(.marketing); m.sentAt.append(s.asOf); m.deliveredAt.append(.missing); m.openedAt.append(.missing)
                m.clickedAt.append(.missing); m.bounce.append(nil); m.unsubscribedAt.append(.missing)
                sent.append((channel, k))
            }
        }
        s.messages = m
        let audit = try #require(ConsentAudit(snapshot: s, config: config, policy: try GatePolicy.consent(config)))
        var findingOf: [Int: String] = [:]
        for f in audit.findings where Int(f.finding.message) >= first && f.check != "unrecorded_unsubscribe" {
            findingOf[Int(f.finding.message)] = f.check
        }
        let reasonOf = ["to_deleted": "deleted", "no_consent": "no_consent", "after_withdrawal": "withdrawn",
                        "expired_consent": "expired", "after_unsubscribe": "unsubscribed"]
        let whole = try #require(ConsentAudit(snapshot: snapshot, config: config, policy: try GatePolicy.consent(config)))
        let stale = try AuditGating(config).stale(snapshot, config: config, period: period)
        var checked = 0, others = 0
        for (i, x) in sent.enumerated() {
            let id = c.id[x.contact]
            let row = listed["\(x.channel.name) \(id)"]
            if let check = findingOf[first + i] {
                #expect(row?.reason.rawValue == reasonOf[check], "\(x.channel.name) \(id): \(check), listed \(row?.reason.rawValue ?? "no")")
                checked += 1
            } else if let row {
                others += 1
                let k = Int32(x.contact)
                switch row.reason {
                case .erasureDue:
                    #expect(whole.findings.contains { $0.finding.contact == k && ["no_processing_consent", "not_erased"].contains($0.check) })
                case .minor:
                    #expect(whole.findings.contains { $0.finding.contact == k && $0.check == "minor" })
                case .hardBounce:
                    #expect(stale.audit.findings.contains { $0.contact == k && $0.check == "bounced" })
                case .invalid:
                    #expect(stale.audit.findings.contains { $0.contact == k && $0.check == (x.channel == .email ? "invalid_email" : "invalid_phone") })
                default:
                    Issue.record("\(x.channel.name) \(id) listed as \(row.reason.rawValue) but a message now raises nothing")
                }
            }
        }
        #expect(checked > 50 && others > 0, "the demo exercises both kinds: \(checked) message findings, \(others) other reasons")
        #expect(Set(list.rows.map(\.reason)).count >= 5, "\(Set(list.rows.map(\.reason.rawValue)).sorted())")
    }

    /// One contact per reason, the CSV derived by hand (as-of 2026-11-23, UTC, grace 0, erasure 30 days).
    @Test func handCasesPerReason() throws {
        let db = try FixtureDB()
        // 1 withdrew e-mail on 1 Mar; 2 unsubscribed through message 20 on 5 Mar; 3 deleted on 1 Apr;
        // 4 withdrew processing on 1 Nov (e-mail still granted); 5 a minor's grant; 6 never consented;
        // 7 a grant expired on 1 Jun; 8 hard-bounced (email_status); 9 an invalid address; 10 may be mailed.
        let contacts: [(Int, String, String?, String?, String?)] = [
            (1, "one@example.com", nil, nil, nil), (2, "two@example.com", nil, nil, nil), (3, "three@example.com", "2026-04-01", nil, nil),
            (4, "four@example.com", nil, nil, nil), (5, "five@example.com", nil, "2015-01-01", nil), (6, "six@example.com", nil, nil, nil),
            (7, "seven@example.com", nil, nil, nil), (8, "eight@example.com", nil, nil, "hard_bounce"), (9, "nine@@example", nil, nil, nil),
            (10, " Ten@Example.com", nil, nil, nil),
        ]
        for (id, email, deleted, birth, status) in contacts {
            try db.insert("contacts", ["id": id, "created_at": "2026-01-01", "email": email, "deleted_at": deleted, "birth_date": birth,
                                       "email_status": status, "full_name": "Person \(id)"])
        }
        var event = 100
        func consent(_ contact: Int, _ purpose: String, _ action: String, _ at: String, expires: String? = nil) throws {
            event += 1
            try db.insert("consents", ["id": event, "contact_id": contact, "purpose": purpose, "channel": purpose == "marketing" ? "email" : nil,
                                       "action": action, "occurred_at": at, "expires_at": expires, "source": "web_form", "evidence": "token"])
        }
        for k in 1...10 where k != 6 { try consent(k, "processing", "grant", "2026-01-01") }
        for k in [1, 2, 3, 4, 5, 8, 9, 10] { try consent(k, "marketing", "grant", "2026-02-01") }
        try consent(7, "marketing", "grant", "2026-02-01", expires: "2026-06-01")
        try consent(1, "marketing", "withdraw", "2026-03-01")
        try consent(4, "processing", "withdraw", "2026-11-01")
        try db.insert("messages", ["id": 20, "contact_id": 2, "channel": "email", "purpose": "marketing", "sent_at": "2026-03-04",
                                   "unsubscribed_at": "2026-03-05"])
        let r = try CLI.run(["suppression", "--db", db.path, "--as-of", Self.asOf, "--channel", "email"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == [
            "channel,address,contact_id,reason,since",
            "email,eight@example.com,8,hard_bounce,",
            "email,five@example.com,5,minor,2026-02-01T00:00:00+00:00",
            "email,four@example.com,4,erasure_due,2026-11-01T00:00:00+00:00",
            "email,nine@@example,9,invalid,",
            "email,one@example.com,1,withdrawn,2026-03-01T00:00:00+00:00",
            "email,seven@example.com,7,expired,2026-06-01T00:00:00+00:00",
            "email,six@example.com,6,no_consent,",
            "email,three@example.com,3,deleted,2026-04-01T00:00:00+00:00",
            "email,two@example.com,2,unsubscribed,2026-03-05T00:00:00+00:00",
        ].joined(separator: "\r\n") + "\r\n")
    }

    /// The hashed form is the lower-case hex SHA-256 of the normalized address: `printf 'a@b.c' | sha256sum`.
    @Test func hashedAddresses() throws {
        let db = try FixtureDB()
        try db.contact(1, created: "2026-01-01", email: " A@B.c", phone: "8 (912) 345-67-89")
        let r = try CLI.run(["suppression", "--db", db.path, "--as-of", Self.asOf, "--hash", "sha256"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.contains("email,d648b243a3e817eaa3309e00e183483f2867baadf522099f0c2121770536b25a,1,no_consent,"))
        // +79123456789
        #expect(lines.contains("sms,694e8de862e4f3198b67f7a4aa9f4dfb123c5b78b0a72460ce882c405b111e63,1,no_consent,"))
        let help = try CLI.run(["suppression", "--help"])
        #expect(help.stdout.contains("PERSONAL DATA"))
    }
}
