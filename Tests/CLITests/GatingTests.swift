import Foundation
import Testing
import TestSupport

/// `--fail-on` on `generate` and `audit`, with waivers, thresholds and severity overrides:
/// exit 0, 1 and 2 as a CI job sees them.
@Suite("Gating on the audits", .serialized)
struct GatingTests {
    /// One contact who withdrew marketing consent and was mailed two days later (message 12:
    /// after_withdrawal, a violation); every grant has its source and evidence. The stale audit
    /// finds the contact dormant (a warning): no activity in the 60 days before the as-of day.
    static func fixture() throws -> FixtureDB {
        let db = try FixtureDB()
        try db.contact(1, created: "2025-06-01", email: "ivan@example.com", source: "site")
        for (id, purpose, channel, action, at) in [(1, "processing", nil, "grant", "2026-01-01"), (2, "marketing", "email", "grant", "2026-01-01"),
                                                   (3, "marketing", "email", "withdraw", "2026-02-01")] as [(Int, String, String?, String, String)] {
            try db.insert("consents", ["id": id, "contact_id": 1, "purpose": purpose, "channel": channel, "action": action, "occurred_at": at,
                                       "source": "web_form", "evidence": "policy v3, double opt-in"])
        }
        try db.insert("messages", ["id": 12, "contact_id": 1, "channel": "email", "purpose": "marketing", "sent_at": "2026-02-03 10:00"])
        return db
    }

    func run(_ db: FixtureDB, _ extra: [String], config yaml: String? = nil, command: [String] = ["generate"]) throws -> CLI.Result {
        var args = command + ["--db", db.path, "--as-of", "2026-11-23"]
        if command == ["generate"] { args += ["--out", db.folder.appendingPathComponent("out").path] }
        if let yaml {
            let path = db.folder.appendingPathComponent("report.yml")
            try Data(yaml.utf8).write(to: path)
            args += ["--config", path.path]
        }
        return try CLI.run(args + extra)
    }

    func waivers(_ db: FixtureDB, _ text: String) throws -> String {
        let path = db.folder.appendingPathComponent("waivers.yml")
        try Data(text.utf8).write(to: path)
        return "consent:\n  waivers: \(path.path)\n"
    }

    @Test func exitCodesFollowFailOn() throws {
        let db = try Self.fixture()
        let plain = try run(db, [])
        #expect(plain.status == 0, "\(plain.stderr)")
        let violation = try run(db, ["--fail-on", "violation"])
        #expect(violation.status == 1)
        #expect(violation.stderr == "crm-report: fail-on violation: after_withdrawal (1)\n")
        // The site is still published.
        #expect(FileManager.default.fileExists(atPath: db.folder.appendingPathComponent("out/2026-W47/audit-contacts.html").path))
        let warning = try run(db, ["--fail-on", "warning"])
        #expect(warning.status == 1)
        #expect(warning.stderr.contains("dormant (1)") && warning.stderr.contains("after_withdrawal (1)"))
    }

    @Test func waiversActiveExpiredAndMalformed() throws {
        let db = try Self.fixture()
        let active = try waivers(db, """
            - key: after_withdrawal:message:12
              reason: The withdrawal was keyed in late; the customer confirmed by phone
              accepted_by: I. Petrova, DPO
              expires: 2027-01-31
            """)
        #expect(try run(db, ["--fail-on", "violation"], config: active).status == 0)
        let text = try run(db, ["--fail-on", "violation"], config: active, command: ["audit", "consent"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("0 violations") && text.stdout.contains("1 waived"))

        let expired = try waivers(db, """
            - key: after_withdrawal:message:12
              reason: accepted for the autumn
              accepted_by: I. Petrova, DPO
              expires: 2026-11-01
            """)
        let r = try run(db, ["--fail-on", "violation"], config: expired, command: ["audit", "consent"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("Expired waivers (their findings count again): after_withdrawal:message:12"))

        let unmatched = try waivers(db, """
            - key: no_consent:message:99
              reason: test
              accepted_by: QA
              expires: 2027-01-31
            """)
        let u = try run(db, [], config: unmatched, command: ["audit", "consent"])
        #expect(u.stdout.contains("Waivers matching no finding: no_consent:message:99"))

        let malformed = try waivers(db, """
            - key: after_withdrawal:message:12
              reason: fine
              accepted_by: QA
              expires: someday
            """)
        try FileManager.default.removeItem(at: db.folder.appendingPathComponent("out"))
        let bad = try run(db, ["--fail-on", "violation"], config: malformed)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("waivers.yml: line ") && bad.stderr.split(separator: "\n").count == 1, "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db.folder.appendingPathComponent("out").path))
    }

    @Test func thresholdsAndSeverityOverrides() throws {
        let db = try Self.fixture()
        // Two findings needed to fail: one does not.
        #expect(try run(db, ["--fail-on", "violation"], config: "consent:\n  thresholds:\n    after_withdrawal: 2\n").status == 0)
        // A share: 1 of the 1 judged marketing messages is 100 % >= 50 %.
        #expect(try run(db, ["--fail-on", "violation"], config: "consent:\n  thresholds:\n    after_withdrawal: 0.5\n").status == 1)
        // Lowered to info, the violation no longer fails a warning gate; the dormant warning still does, until it is info too.
        #expect(try run(db, ["--fail-on", "warning"], config: "consent:\n  severity:\n    after_withdrawal: info\n").status == 1)
        let both = "consent:\n  severity:\n    after_withdrawal: info\nstale:\n  severity:\n    dormant: info\n"
        #expect(try run(db, ["--fail-on", "warning"], config: both).status == 0)
        // A typo in a check id is bad input, named.
        let typo = try run(db, [], config: "stale:\n  severity:\n    dormnat: info\n")
        #expect(typo.status == 2 && typo.stderr.contains("stale.severity.dormnat"), "\(typo.stderr)")
    }

    @Test func auditCommandFormats() throws {
        let db = try Self.fixture()
        let contacts = try run(db, ["--fail-on", "warning"], command: ["audit", "contacts"])
        #expect(contacts.status == 1)
        #expect(contacts.stdout.contains("\ndormant            warning          1  100.0%         1       0               0\n"), "\(contacts.stdout)")
        let csv = try run(db, ["--format", "csv"], command: ["audit", "consent"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("check,severity,message_id,contact_id,campaign_id,channel,sent_at,deciding_event_id,evidence,waived_by\r\n"
                                     + "after_withdrawal,violation,12,1,,email,2026-02-03T10:00:00+00:00,3,event_id=3; event_action=withdraw; "
                                     + "event_purpose=marketing; event_channel=email; event_at=2026-02-01T00:00:00+00:00,\r\n"), "\(csv.stdout)")
        let json = try run(db, ["--format", "json"], command: ["audit", "consent"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["violations"] as? Int == 1)
        let stale = try run(db, ["--format", "csv"], command: ["audit", "contacts"])
        #expect(stale.stdout == "contact_id,check,source,waived_by\r\n1,dormant,site,\r\n")
        let noTable = try FixtureDB(omitTables: ["consents"])
        try noTable.contact(1)
        // A missing optional table is not bad input: as `generate` does, the audit runs what it can and names the rest.
        let missing = try CLI.run(["audit", "consent", "--db", noTable.path, "--as-of", "2026-11-23"])
        #expect(missing.status == 0 && missing.stderr.hasPrefix("crm-report: consent: not run (table consents absent): after_unsubscribe, "), "\(missing.stderr)")
        #expect(missing.stderr.contains("crm-report: consent: not run (tables consents, messages absent)") == false)
    }

    /// Issue 22.3: a stale-audit waiver lowered the gate count but `audit contacts`, the page and
    /// report.json still counted the finding as open, and expired or unmatched stale waivers were listed nowhere.
    @Test func staleWaiversAreShownApartEverywhere() throws {
        let db = try Self.fixture()
        let config = try waivers(db, """
            - key: dormant:contact:1
              reason: Seasonal customer, buys every spring
              accepted_by: M. Orlova, CRM lead
              expires: 2027-03-31
            - key: unverified:contact:1
              reason: re-confirmed by phone
              accepted_by: QA
              expires: 2026-10-01
            - key: bounced:contact:1
              reason: mailbox fixed
              accepted_by: QA
              expires: 2027-03-31
            """)
        let text = try run(db, ["--fail-on", "warning"], config: config, command: ["audit", "contacts"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("0 with at least one open finding; 1 findings waived"), "\(text.stdout)")
        #expect(text.stdout.contains("\ndormant            warning          0   0.0%         0       1               0\n"), "\(text.stdout)")
        #expect(text.stdout.contains("Expired waivers (their findings count again): unverified:contact:1"))
        #expect(text.stdout.contains("Waivers matching no finding: bounced:contact:1"))
        let json = try run(db, ["--format", "json"], config: config, command: ["audit", "contacts"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let dormant = (object?["checks"] as? [String: Any])?["dormant"] as? [String: Any]
        #expect(object?["waived"] as? Int == 1 && dormant?["count"] as? Int == 0 && dormant?["waived"] as? Int == 1)

        // The consent audit's after_withdrawal (a violation) is not waived here: only the stale audit's part of the gate passes.
        let site = try run(db, ["--fail-on", "warning"], config: config)
        #expect(site.status == 1 && site.stderr == "crm-report: fail-on warning: after_withdrawal (1)\n", "\(site.stderr)")
        let folder = db.folder.appendingPathComponent("out/2026-W47")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report.json"))) as? [String: Any]
        let stale = report?["stale_contacts"] as? [String: Any]
        #expect(stale?["waived"] as? Int == 1 && ((stale?["checks"] as? [String: Any])?["dormant"] as? [String: Any])?["count"] as? Int == 0)
        let page = try String(contentsOf: folder.appendingPathComponent("audit-contacts.html"), encoding: .utf8)
        #expect(page.contains("Seasonal customer, buys every spring") && page.contains("<code class=\"muted\">dormant:contact:1</code>"))
        #expect(page.contains("id=\"expired-waivers\"") && page.contains("<code>unverified:contact:1</code>"))
        #expect(page.contains("id=\"unmatched-waivers\"") && page.contains("<code>bounced:contact:1</code>"))
        #expect(page.contains("No contact has an open finding."))
    }
}
