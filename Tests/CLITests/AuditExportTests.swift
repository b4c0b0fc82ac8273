import Foundation
import Testing
import TestSupport

/// `crm-report audit --format csv|json` as a CI job or an auditor reads it: the CSV through an
/// independent parser, the JSON opening with the run's provenance and holding every finding
/// with its evidence and waiver state.
///
/// Fixture (as of 23 Nov 2026, UTC): contact 1 (source `-a,b`) granted e-mail marketing
/// (consent 2, 1 Jan 2026) and unsubscribed through message 10 on 2 Mar 08:30; message 11 of
/// 10 Mar went to them anyway: after_unsubscribe, decided by grant 2. Message 12 went on a
/// channel spelled `=sms\n-x,y`: no_consent. Waiver: no_consent:message:12.
@Suite("audit --format csv and json")
struct AuditExportTests {
    static func fixture() throws -> (FixtureDB, String) {
        let db = try FixtureDB()
        try db.contact(1, created: "2025-06-01", email: "ivan@example.com", source: "-a,b")
        try db.insert("consents", ["id": 1, "contact_id": 1, "purpose": "processing", "channel": nil, "action": "grant", "occurred_at": "2026-01-01",
                                   "source": "web_form", "evidence": "policy v3"])
        try db.insert("consents", ["id": 2, "contact_id": 1, "purpose": "marketing", "channel": "email", "action": "grant", "occurred_at": "2026-01-01",
                                   "source": "web_form", "evidence": "double opt-in"])
        try db.insert("messages", ["id": 10, "contact_id": 1, "channel": "email", "purpose": "marketing", "sent_at": "2026-03-01 10:00",
                                   "unsubscribed_at": "2026-03-02 08:30"])
        try db.insert("messages", ["id": 11, "contact_id": 1, "channel": "email", "purpose": "marketing", "sent_at": "2026-03-10 10:00"])
        try db.insert("messages", ["id": 12, "contact_id": 1, "channel": "=sms\n-x,y", "purpose": "marketing", "sent_at": "2026-03-11 10:00"])
        let waivers = db.folder.appendingPathComponent("waivers.yml")
        try Data("- key: no_consent:message:12\n  reason: test channel\n  accepted_by: QA\n  expires: 2027-01-31\n".utf8).write(to: waivers)
        let config = db.folder.appendingPathComponent("report.yml")
        try Data("consent:\n  waivers: \(waivers.path)\n  grace_days: 2\n".utf8).write(to: config)
        return (db, config.path)
    }

    func audit(_ which: String, _ format: String) throws -> CLI.Result {
        let (db, config) = try Self.fixture()
        return try CLI.run(["audit", which, "--db", db.path, "--as-of", "2026-11-23", "--config", config, "--format", format])
    }

    @Test func consentCSVParsesBackWithEvidenceAndWaiver() throws {
        let run = try audit("consent", "csv")
        #expect(run.status == 0, "\(run.stderr)")
        let records = try IndependentCSV.parse(Data(run.stdout.utf8))
        #expect(records.allSatisfy { $0.count == 10 })
        #expect(records.first?.suffix(2) == ["evidence", "waived_by"])
        let rows = Array(records.dropFirst()).filter { $0[0] != "unrecorded_unsubscribe" }
        #expect(rows == [
            ["after_unsubscribe", "violation", "11", "1", "", "email", "2026-03-10T10:00:00+00:00", "2",
             "event_id=2; event_action=grant; event_purpose=marketing; event_channel=email; event_at=2026-01-01T00:00:00+00:00; "
                + "unsubscribe_message_id=10; unsubscribed_at=2026-03-02T08:30:00+00:00", ""],
            ["no_consent", "violation", "12", "1", "", "'=sms\n'-x,y", "2026-03-11T10:00:00+00:00", "", "", "no_consent:message:12"],
        ])
    }

    @Test func contactsCSVParsesBack() throws {
        let run = try audit("contacts", "csv")
        let records = try IndependentCSV.parse(Data(run.stdout.utf8))
        #expect(records.first == ["contact_id", "check", "source", "waived_by"])
        #expect(records.count > 1 && records.dropFirst().allSatisfy { $0.count == 4 && $0[2] == "'-a,b" && $0[3] == "" })
    }

    @Test func consentJSONOpensWithProvenanceAndHoldsEveryFinding() throws {
        let (db, config) = try Self.fixture()
        let run = try CLI.run(["audit", "consent", "--db", db.path, "--as-of", "2026-11-23", "--config", config, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("{\n\"provenance\":{"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        // The counts of report.json's section stay where they were.
        #expect(object["violations"] as? Int == 1 && object["waived"] as? Int == 1)
        let provenance = try #require(object["provenance"] as? [String: Any])
        #expect(provenance["as_of"] as? String == "2026-11-23" && provenance["timezone"] as? String == "UTC")
        #expect(provenance["database_sha256"] as? String == sha256sum(db.path))
        let settings = try #require((provenance["settings"] as? [String: Any])?["consent"] as? [String: Any])
        #expect(settings["grace_days"] as? Int == 2 && settings["erasure_days"] as? Int == 30)
        let findings = try #require(object["findings"] as? [[String: Any]])
        let unsubscribe = try #require(findings.first { $0["check"] as? String == "after_unsubscribe" })
        let evidence = try #require(unsubscribe["evidence"] as? [String: Any])
        #expect(evidence["unsubscribe_message_id"] as? Int == 10 && evidence["unsubscribed_at"] as? String == "2026-03-02T08:30:00+00:00")
        #expect(evidence["event_id"] as? Int == 2 && evidence["event_channel"] as? String == "email")
        #expect(unsubscribe["waived_by"] is NSNull)
        let waived = try #require(findings.first { $0["check"] as? String == "no_consent" })
        #expect(waived["waived_by"] as? String == "no_consent:message:12")
    }

    @Test func contactsJSONOpensWithProvenanceAndHoldsEveryFinding() throws {
        let run = try audit("contacts", "json")
        #expect(run.stdout.hasPrefix("{\n\"provenance\":{"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty && findings.allSatisfy { $0["contact_id"] as? Int == 1 && $0["source"] as? String == "-a,b" })
        #expect(object["base"] as? Int == 1)
    }

    func sha256sum(_ path: String) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [path]
        let out = Pipe()
        p.standardOutput = out
        try? p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(text.prefix(64))
    }
}
