import CRMData
import Foundation
@testable import Site
import Testing
import TestSupport

/// The findings folder of a generated site, read as an auditor would: every CSV parsed back by
/// an independent parser with the columns of outputs.md, waived findings marked, and the files
/// tied to the run by findings/manifest.json and findings/SHA256SUMS (`sha256sum -c`).
///
/// The fixture (as of 23 Nov 2026, UTC): contacts 1 to 5, none verified, each with a hostile
/// `source` (formula starts, commas, quotes, line breaks, a bidi override); contact 2's e-mail is
/// invalid. No consent was ever given: each marketing message, on a hostile channel, is no_consent.
/// Waivers: invalid_email:contact:2 and no_consent:message:11.
@Suite("Findings files: CSV columns, hostile text, manifest")
struct FindingsFilesTests {
    static let sources = ["=HYPERLINK(\"http://x\",\"click\")", "-a,b", "line one\n=cmd|' /C calc'!A0", "\u{202E}gnp.exe", "@x\ty \"q\""]
    static let channels = ["=email", "-a,b\n@x"]
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("report-templates").path

    struct Site {
        let folder: URL
        let db: FixtureDB
        let config: ReportConfig
        func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }
    }

    func generate(failOn: ReportConfig.FailOn? = nil) async throws -> Site {
        let db = try FixtureDB()
        try db.insert(rows: [
            "contacts": Self.sources.enumerated().map { i, source in
                ["id": "\(i + 1)", "full_name": "Name \(i + 1)", "email": i == 1 ? "not an e-mail" : "person\(i + 1)@example.com",
                 "source": source, "created_at": "2024-01-01"]
            },
            "consents": [],
            "messages": Self.channels.enumerated().map { i, channel in
                ["id": "\(i + 11)", "contact_id": "1", "channel": channel, "purpose": "marketing", "sent_at": "2026-11-1\(i + 7) 10:00"]
            },
        ])
        let waivers = db.folder.appendingPathComponent("waivers.yml")
        try Data("""
        - key: invalid_email:contact:2
          reason: Typed by the shop, being corrected
          accepted_by: I. Petrova, DPO
          expires: 2027-01-31
        - key: no_consent:message:11
          reason: Consent form being traced
          accepted_by: I. Petrova, DPO
          expires: 2027-01-31
        """.utf8).write(to: waivers)
        var config = try ReportConfig.with(["consent.grace_days": "3", "consent.erasure_days": "10", "consent.min_age": "16",
                                            "consent.reconfirm_days": "365", "consent.thresholds": "{no_consent: 5}"])
        config.db = db.path
        config.out = db.folder.appendingPathComponent("out").path
        config.asOf = "2026-11-23"
        config.consentWaivers = waivers.path
        config.failOn = failOn
        let outcome = try await ReportRun(config: config, templates: try Templates(folder: Self.templates)).generate()
        return Site(folder: outcome.periodFolder, db: db, config: config)
    }

    @Test func everyFindingsCSVParsesBackWithItsColumns() async throws {
        let site = try await generate()
        let headers = [
            "findings/consent.csv": ["check", "severity", "message_id", "contact_id", "campaign_id", "channel", "sent_at",
                                     "deciding_event_id", "evidence", "waived_by"],
            "findings/stale-contacts.csv": ["contact_id", "check", "source", "waived_by"],
            "findings/data-quality.csv": ["table", "row_id", "reason"],
        ]
        var parsed: [String: [[String]]] = [:]
        for (file, header) in headers {
            let records = try IndependentCSV.parse(try site.data(file))
            #expect(records.first == header, "\(file)")
            for record in records {
                #expect(record.count == header.count, "\(file): \(record)")
                for cell in record { #expect(!IndependentCSV.hasLiveFormula(cell), "\(file): \(cell.debugDescription)") }
            }
            parsed[file] = Array(records.dropFirst())
        }
        // Each contact's hostile source comes back, guarded; contact 2's invalid e-mail is waived.
        let stale = try #require(parsed["findings/stale-contacts.csv"])
        for (i, source) in Self.sources.enumerated() {
            #expect(stale.contains { $0[0] == "\(i + 1)" && $0[2] == IndependentCSV.guarded(source) }, "\(source.debugDescription)")
        }
        #expect(stale.filter { !$0[3].isEmpty } == [["2", "invalid_email", "'-a,b", "invalid_email:contact:2"]])
        let consent = try #require(parsed["findings/consent.csv"])
        let messages = consent.filter { $0[0] == "no_consent" }
        #expect(messages.map { [$0[2], $0[5], $0[9]] } == [["11", "'=email", "no_consent:message:11"], ["12", "'-a,b\n'@x", ""]])
    }

    @Test func theManifestAndSHA256SUMSTieTheFilesToTheRun() async throws {
        let site = try await generate()
        let findings = site.folder.appendingPathComponent("findings")
        // coreutils checks every file it lists.
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        check.arguments = ["-c", "--strict", "SHA256SUMS"]
        check.currentDirectoryURL = findings
        let out = Pipe()
        check.standardOutput = out
        try check.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(printed)")
        let listed = ["consent.csv", "consent.json", "data-quality.csv", "manifest.json", "stale-contacts.csv"]
        #expect(printed == listed.map { "\($0): OK\n" }.joined())

        let manifest = try JSONDecoder().decode(FindingsManifest.self, from: try site.data("findings/manifest.json"))
        #expect(manifest.files.keys.sorted() == ["consent.csv", "consent.json", "data-quality.csv", "stale-contacts.csv"])
        for (name, hash) in manifest.files {
            #expect(hash == (try Provenance.sha256(ofFile: findings.appendingPathComponent(name).path)), "\(name)")
        }
        let p = manifest.provenance
        #expect(p.version == "0.1.0" && p.generator == "crm-report 0.1.0" && p.asOf == "2026-11-23" && p.timezone == "UTC")
        #expect(p.databaseSHA256 == (try Provenance.sha256(ofFile: site.db.path)))
        #expect(p.configSHA256 == (try Provenance.sha256(of: site.config.canonicalText)))
        let s = p.settings.consent
        #expect(s.graceDays == 3 && s.erasureDays == 10 && s.minAge == 16 && s.reconfirmDays == 365)
        #expect(s.gating.thresholds == ["no_consent": .count(5)] && s.gating.severity == [:])
        #expect(p.waiversSHA256 == (try Provenance.sha256(ofFile: try #require(site.config.consentWaivers))))
        #expect(p.settings.staleContacts.verifyDays == 730 && p.failOn == nil)
        #expect(manifest.gate.failOn == nil && manifest.gate.result == "not_gated" && manifest.gate.failing.isEmpty)
    }

    /// Gated at violation: the five contacts without processing consent fail it (no threshold); the one
    /// unwaived no_consent is below its threshold of 5, so it does not.
    @Test func theManifestCarriesTheGatesVerdict() async throws {
        let site = try await generate(failOn: .violation)
        let manifest = try JSONDecoder().decode(FindingsManifest.self, from: try site.data("findings/manifest.json"))
        #expect(manifest.gate.failOn == "violation" && manifest.gate.result == "fail")
        #expect(manifest.gate.failing.contains(.init(audit: "consent", check: "no_processing_consent", count: 5, threshold: nil)))
        #expect(!manifest.gate.failing.contains { $0.check == "no_consent" })
        #expect(manifest.provenance.failOn == "violation")
    }

    @Test func consentJSONOpensWithTheProvenance() async throws {
        let site = try await generate()
        let data = try site.data("findings/consent.json")
        #expect(String(decoding: data.prefix(16), as: UTF8.self) == "{\n\"provenance\":{")
        let doc = try JSONDecoder().decode(ConsentFindingsDoc.self, from: data)
        let manifest = try JSONDecoder().decode(FindingsManifest.self, from: try site.data("findings/manifest.json"))
        #expect(doc.provenance == manifest.provenance)
        // The generic encoder gives the same bytes as the streaming writer.
        #expect(Data(try JSONValueEncoder.encode(doc).compactText().utf8) == data)
        #expect(doc.waived.map(\.waivedBy) == ["no_consent:message:11"] && doc.findings.allSatisfy { $0.waivedBy == nil })
    }
}
