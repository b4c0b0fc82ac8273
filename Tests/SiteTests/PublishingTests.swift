import Formatting
import CRMData
import Foundation
@testable import Site
import Testing
import TestSupport

@Suite("Publishing")
struct PublishingTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("report-templates").path

    func fixture() throws -> FixtureDB {
        let db = try FixtureDB()
        try db.contact(1, created: "2025-01-01")
        try db.order(1, contact: 1, at: "2026-11-17", amount: 120)
        try db.order(2, contact: 1, at: "2026-11-18", amount: -1)
        return db
    }

    func run(_ db: FixtureDB, out: URL, beforeSwap: @escaping () throws -> Void = {}) async throws -> ReportRun.Outcome {
        var config = ReportConfig()
        config.db = db.path
        config.out = out.path
        config.asOf = "2026-11-23"
        var run = ReportRun(config: config, templates: try Templates(folder: Self.templates))
        run.beforeSwap = beforeSwap
        return try await run.generate()
    }

    @Test("a failure mid-publish leaves the previous publication intact and no staging folder")
    func failureMidPublish() async throws {
        let db = try fixture()
        let out = db.folder.appendingPathComponent("out")
        _ = try await run(db, out: out)
        let period = out.appendingPathComponent("2026-W47")
        let before = try Data(contentsOf: period.appendingPathComponent("report.json"))
        try db.order(3, contact: 1, at: "2026-11-19", amount: 1000)   // the next run would change the numbers
        struct Crash: Error {}
        let error = await #expect(throws: CRMError.self) { _ = try await run(db, out: out, beforeSwap: { throw Crash() }) }
        #expect(error?.kind == .internalFailure)
        #expect(try Data(contentsOf: period.appendingPathComponent("report.json")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [".crm-report", "2026-W47", "index.html"])
        _ = try await run(db, out: out)
        #expect(try Data(contentsOf: period.appendingPathComponent("report.json")) != before)
    }

    @Test("report.json carries source, period, summary and data quality as outputs.md shows")
    func reportJSON() async throws {
        let db = try fixture()
        let out = db.folder.appendingPathComponent("out")
        _ = try await run(db, out: out)
        let data = try Data(contentsOf: out.appendingPathComponent("2026-W47/report.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["schema_version"] as? Int == 2 && json["as_of"] as? String == "2026-11-23" && json["timezone"] as? String == "UTC")
        let period = try #require(json["period"] as? [String: Any])
        #expect(period["label"] as? String == "2026-W47" && period["start"] as? String == "2026-11-16" && period["end"] as? String == "2026-11-23")
        let source = try #require(json["source"] as? [String: Any])
        #expect((source["sha256"] as? String)?.count == 64)
        #expect((source["rows"] as? [String: Any])?["orders"] as? Int == 2)
        let summary = try #require(json["summary"] as? [String: Any])
        let revenue = try #require(summary["revenue"] as? [String: Any])
        #expect(revenue["current"] as? Int == 120 && revenue["previous"] as? Int == 0)
        // Audited: no message was sent, and nobody is reachable with a marketing consent.
        #expect((summary["consent_violations"] as? [String: Any])?["current"] as? Int == 0)
        #expect((summary["addressable_base"] as? [String: Any])?["current"] as? Int == 0)
        // The fixture's contacts have no e-mail, phone or push token: every one is unreachable, so stale.
        #expect((summary["stale_share"] as? [String: Any])?["current"] as? Int == 1)
        let bad = try #require((json["data_quality"] as? [String: Any])?["bad_rows"] as? [[String: Any]])
        #expect(bad.count == 1 && bad[0]["table"] as? String == "orders" && bad[0]["reason"] as? String == "negative_amount" && bad[0]["count"] as? Int == 1)
        let csv = try String(contentsOf: out.appendingPathComponent("2026-W47/findings/data-quality.csv"), encoding: .utf8)
        #expect(csv == "table,row_id,reason\r\norders,2,negative_amount\r\n")
    }

    @Test("both locales render every page with no missing words")
    func locales() async throws {
        let db = try fixture()
        for locale in ["en", "ru"] {
            var config = ReportConfig()
            config.db = db.path
            config.out = db.folder.appendingPathComponent("out-\(locale)").path
            config.asOf = "2026-11-23"
            config.locale = ReportLocale(rawValue: locale) ?? .en
            _ = try await ReportRun(config: config, templates: try Templates(folder: Self.templates)).generate()
            for page in ["2026-W47/index.html", "2026-W47/data-quality.html", "index.html"] {
                let html = try String(contentsOf: URL(fileURLWithPath: config.out).appendingPathComponent(page), encoding: .utf8)
                #expect(!html.contains("⟦"), "\(locale) \(page)")
                #expect(html.contains("<html lang=\"\(locale)\">"))
            }
        }
        #expect(Set(Words.baseEN.keys) == Set(Words.baseRU.keys))
    }
}

@Suite("Output formats")
struct OutputFormatTests {
    @Test("CSV quotes per RFC 4180 and defuses formulas")
    func csv() {
        var c = CSVText(header: ["a", "b"])
        c.append(["=SUM(A1)", "say \"hi\", then go"])
        c.append(["-5", "@home"])
        c.append(["+7 912", "line\nbreak"])
        // The guard goes inside the quotes (a guarded cell is always quoted), as outputs.md spells it.
        #expect(c.text == "a,b\r\n\"'=SUM(A1)\",\"say \"\"hi\"\", then go\"\r\n\"'-5\",\"'@home\"\r\n\"'+7 912\",\"line\nbreak\"\r\n")
    }

    @Test("JSON keeps key order, spells numbers one way, and has no NaN")
    func json() {
        let v = JSONValue.object([("b", .int(1)), ("a", .num(0.1 + 0.2)), ("n", .num(.nan)), ("x", .array([.num(2), .str(nil)])),
                                  ("s", .string("q\"\n"))])
        #expect(v.text() == "{\n  \"b\": 1,\n  \"a\": 0.3,\n  \"n\": null,\n  \"x\": [2, null],\n  \"s\": \"q\\\"\\n\"\n}\n")
    }
}
