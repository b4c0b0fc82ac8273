import Foundation
import Testing
import TestSupport

/// Issue 22.2 and 20.6 from the command line: a gate that never passes a check it could not
/// run, `generate` and `audit consent` alike, unknown check ids as bad input, and `--junit`.
@Suite("Fail closed, skips and JUnit", .serialized)
struct FailClosedTests {
    /// A CRM without `messages`: contact 1 withdrew processing consent on 2026-09-01 (83 days
    /// before the as-of day, more than the 30 of `consent.erasure_days`) and is not deleted, so
    /// not_erased and no_processing_consent find it; contact 2 holds an active processing grant.
    static func fixture() throws -> FixtureDB {
        let db = try FixtureDB(omitTables: ["messages"])
        try db.contact(1, created: "2025-06-01", email: "ivan@example.com", source: "site")
        try db.contact(2, created: "2025-06-01", email: "olga@example.com", source: "site")
        for (id, contact, action, at) in [(1, 1, "grant", "2026-01-01"), (2, 1, "withdraw", "2026-09-01"), (3, 2, "grant", "2026-11-01")] {
            try db.insert("consents", ["id": id, "contact_id": contact, "purpose": "processing", "action": action, "occurred_at": at,
                                       "source": "web_form", "evidence": "policy v3"])
        }
        return db
    }

    static let messageChecks = "[to_deleted, no_consent, after_withdrawal, expired_consent, after_unsubscribe, unrecorded_unsubscribe]"

    func run(_ db: FixtureDB, _ args: [String], config yaml: String? = nil, out: String = "out") throws -> CLI.Result {
        var all = args + ["--db", db.path, "--as-of", "2026-11-23"]
        if args.first == "generate" { all += ["--out", db.folder.appendingPathComponent(out).path] }
        if let yaml {
            let path = db.folder.appendingPathComponent("report.yml")
            try Data(yaml.utf8).write(to: path)
            all += ["--config", path.path]
        }
        return try CLI.run(all)
    }

    @Test func withoutMessagesTheGateFailsNamingTheChecksItCouldNotRun() throws {
        let db = try Self.fixture()
        let expected = "crm-report: fail-on violation: after_unsubscribe (not run), after_withdrawal (not run), expired_consent (not run), "
            + "no_consent (not run), no_processing_consent (1), not_erased (1), to_deleted (not run)\n"
        let notRun = "crm-report: consent: not run (table messages absent): after_unsubscribe, after_withdrawal, expired_consent, "
            + "no_consent, to_deleted, unrecorded_unsubscribe\n"
        for command in [["generate"], ["audit", "consent"]] {
            let r = try run(db, command + ["--fail-on", "violation"], out: "out-\(command.count)")
            #expect(r.status == 1, "\(command): \(r.stderr)")
            #expect(r.stderr == notRun + expected, "\(command): \(r.stderr)")
        }
        // Without --fail-on nothing fails, but the checks not run are still named.
        let plain = try run(db, ["audit", "consent"])
        #expect(plain.status == 0 && plain.stderr == notRun)
        #expect(plain.stdout.contains("\nno_consent              violation  not run") && plain.stdout.contains("\nnot_erased              violation        1"),
                "\(plain.stdout)")
        #expect(plain.stdout.contains("\n\nNot run: after_unsubscribe: table messages absent; after_withdrawal: table messages absent; "))
    }

    @Test func skippedChecksDoNotFailTheGateTheOthersStillDo() throws {
        let db = try Self.fixture()
        let skip = "consent:\n  skip: \(Self.messageChecks)\n"
        for command in [["generate"], ["audit", "consent"]] {
            let r = try run(db, command + ["--fail-on", "violation"], config: skip, out: "out-\(command.count)")
            #expect(r.status == 1)
            #expect(r.stderr.hasSuffix("crm-report: fail-on violation: no_processing_consent (1), not_erased (1)\n"), "\(r.stderr)")
            #expect(r.stderr.contains("to_deleted (skipped by config)"))
        }
        // With the two findings below their thresholds as well, the gate passes.
        let lenient = skip + "  thresholds: {no_processing_consent: 2, not_erased: 2}\n"
        #expect(try run(db, ["audit", "consent", "--fail-on", "violation"], config: lenient).status == 0)
        let site = try run(db, ["generate", "--fail-on", "violation"], config: lenient)
        #expect(site.status == 0, "\(site.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: db.folder.appendingPathComponent("out/2026-W47/report.json"))) as? [String: Any]
        let gate = json?["gate"] as? [String: Any]
        #expect(gate?["result"] as? String == "pass" && gate?["fail_on"] as? String == "violation")
        #expect((gate?["failing"] as? [Any])?.isEmpty == true && (gate?["not_run"] as? [Any])?.count == 6)
        let first = (gate?["not_run"] as? [[String: Any]])?.first
        #expect(first?["check"] as? String == "after_unsubscribe" && first?["reason"] as? String == "table messages absent" && first?["skipped"] as? Bool == true)
        #expect(first?["audit"] as? String == "consent")
        #expect(json?["schema_version"] as? Int == 2)
        let consent = json?["consent"] as? [String: Any]
        #expect((consent?["checks"] as? [String: Any])?["no_consent"] is NSNull && (consent?["checks"] as? [String: Any])?["not_erased"] as? Int == 1)
    }

    @Test("an unknown check id anywhere is bad input, named", arguments: [
        ("consent:\n  skip: [no_consnt]\n", "consent.skip.no_consnt"),
        ("stale:\n  skip: [dormnat]\n", "stale.skip.dormnat"),
        ("consent:\n  thresholds: {no_consnt: 2}\n", "consent.thresholds.no_consnt"),
        ("consent:\n  waivers: WAIVERS\n", "unknown check 'after_withdrawl'"),
    ])
    func unknownCheck(yaml: String, named: String) throws {
        let db = try Self.fixture()
        let waivers = db.folder.appendingPathComponent("waivers.yml")
        try Data("- key: after_withdrawl:message:1\n  reason: typo\n  accepted_by: QA\n  expires: 2027-01-31\n".utf8).write(to: waivers)
        let config = yaml.replacingOccurrences(of: "WAIVERS", with: waivers.path)
        for command in [["generate"], ["audit", "contacts"]] {
            let r = try run(db, command, config: config)
            #expect(r.status == 2 && r.stderr.contains(named) && r.stderr.split(separator: "\n").count == 1, "\(command): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: db.folder.appendingPathComponent("out").path))
    }

    // MARK: --junit

    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/junit.xsd").path

    /// xmllint (Debian's libxml2-utils, installed by `make test`) validates the file against the JUnit schema CI systems read.
    func validate(_ path: String) throws -> (ok: Bool, output: String) {
        let xmllint = ["/usr/bin/xmllint", "/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let tool = try #require(xmllint, "xmllint is missing: apt-get install libxml2-utils (make test installs it)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["--noout", "--schema", Self.schema, path]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus == 0, text)
    }

    @Test func junitOneSuitePerAuditOneCasePerCheck() throws {
        let db = try Self.fixture()
        let junit = db.folder.appendingPathComponent("gate.xml").path
        let yaml = "consent:\n  skip: [to_deleted]\n  thresholds: {not_erased: 2}\n"
        let r = try run(db, ["generate", "--fail-on", "violation", "--junit", junit], config: yaml)
        #expect(r.status == 1)
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        let v = try validate(junit)
        #expect(v.ok, "\(v.output)")
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"crm-report audits (fail-on violation)\" tests=\"22\" failures=\"1\" errors=\"4\">\n"))
        #expect(xml.contains("  <testsuite name=\"stale_contacts\" tests=\"11\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"))
        #expect(xml.contains("  <testsuite name=\"consent\" tests=\"11\" failures=\"1\" errors=\"4\" skipped=\"2\">\n"))
        #expect(xml.contains("""
                <testcase classname="crm-report.consent" name="no_processing_consent">
                  <failure type="violation" message="no_processing_consent: 1 open finding, no threshold (any open finding fails)">\
            no_processing_consent (violation): 1 open, 0 waived, of 2 judged; no threshold (any open finding fails); fail-on violation</failure>
                </testcase>
            """), "\(xml)")
        #expect(xml.contains("""
                <testcase classname="crm-report.consent" name="no_consent">
                  <error type="not_run" message="no_consent: not run: table messages absent"/>
                </testcase>
            """))
        #expect(xml.contains("<skipped message=\"to_deleted: not run: table messages absent; listed under consent.skip\"/>"))
        #expect(xml.contains("<skipped message=\"unrecorded_unsubscribe: not run: table messages absent; severity warning is below fail-on violation\"/>"))
        #expect(xml.contains("<testcase classname=\"crm-report.consent\" name=\"not_erased\"/>"))   // 1 finding, threshold 2
        // The same inputs, the same bytes; `audit` writes its own audit's suite alone.
        let again = db.folder.appendingPathComponent("again.xml").path
        _ = try run(db, ["generate", "--fail-on", "violation", "--junit", again], config: yaml, out: "out2")
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(xml.utf8))
        let audit = db.folder.appendingPathComponent("audit.xml").path
        #expect(try run(db, ["audit", "contacts", "--junit", audit]).status == 0)
        let contacts = try String(contentsOfFile: audit, encoding: .utf8)
        #expect(try validate(audit).ok && contacts.contains("tests=\"11\" failures=\"0\" errors=\"0\">") && !contacts.contains("\"consent\""))
    }

    @Test func theSchemaRejectsWhatCIWouldNotRead() throws {
        let db = try FixtureDB()
        let bad = db.folder.appendingPathComponent("bad.xml")
        try Data("<testsuites><testsuite name=\"x\"><testcase/></testsuite></testsuites>".utf8).write(to: bad)
        #expect(try !validate(bad.path).ok)   // no tests count, a testcase without a name
    }

    @Test func aBadJUnitPathIsBadInputBeforeAnyWork() throws {
        let db = try Self.fixture()
        let r = try run(db, ["generate", "--junit", "/nonexistent/folder/gate.xml"])
        #expect(r.status == 2 && r.stderr == "crm-report: --junit: no such folder: /nonexistent/folder\n")
        #expect(!FileManager.default.fileExists(atPath: db.folder.appendingPathComponent("out").path))
    }
}
