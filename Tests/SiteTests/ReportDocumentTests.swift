import CRMData
import Foundation
@testable import Site
import Testing
import TestSupport

/// report.json as types: it round-trips, money prints exactly, nulls stay as keys, and the
/// archive reads earlier periods through the same types (a corrupt one is listed, not fatal).
@Suite("report.json types")
struct ReportDocumentTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("report-templates").path

    func generate(_ db: FixtureDB, out: String, asOf: String = "2026-11-23") async throws -> ReportRun.Outcome {
        var config = ReportConfig()
        config.db = db.path
        config.out = out
        config.asOf = asOf
        return try await ReportRun(config: config, templates: try Templates(folder: Self.templates)).generate()
    }

    @Test func roundTripsThroughItsTypes() async throws {
        let db = try FixtureDB()
        try db.contact(1, created: "2025-01-01", source: "site")
        try db.order(1, contact: 1, at: "2026-11-17", amount: 0.1)
        try db.order(2, contact: 1, at: "2026-11-18", amount: 0.2)
        let outcome = try await generate(db, out: db.folder.appendingPathComponent("out").path)
        let data = try Data(contentsOf: outcome.periodFolder.appendingPathComponent("report.json"))
        let document = try JSONDecoder().decode(ReportDocument.self, from: data)
        #expect(document.schemaVersion == 2 && document.period.label == "2026-W47")
        #expect(document.summary["revenue"]?.current == 0.30000000000000004 || document.summary["revenue"]?.current == 0.3)
        // Written again from the decoded value, the text is the same bytes.
        #expect(try document.text() == String(decoding: data, as: UTF8.self))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"current\": 0.3,"))
        #expect(!text.contains("0.30000000000000004"))
        // A null stays a key: a known figure has a null note.
        #expect(text.contains("\"note\": null"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Array(object.keys).sorted() == ["as_of", "campaigns", "cohorts", "consent", "currency", "data_quality", "funnel", "gate", "generator",
                                               "notes", "period", "rfm", "schema_version", "settings", "source", "stale_contacts", "summary", "timezone"])
    }

    @Test func numbersHaveOneSpelling() {
        #expect(JSONValue.format(13789048.149999982) == "13789048.15")
        #expect(JSONValue.format(0.1 + 0.2) == "0.3")
        #expect(JSONValue.format(1.0 / 3.0) == "0.333333333333333")
        #expect(JSONValue.format(-2.5) == "-2.5")
        #expect(JSONValue.format(4_347_742) == "4347742")
        #expect(JSONValue.num(.infinity) == .null && JSONValue.num(.nan) == .null)
    }

    @Test func archiveReadsEarlierPeriodsAndListsACorruptOne() async throws {
        let db = try FixtureDB()
        try db.contact(1, created: "2025-01-01")
        try db.order(1, contact: 1, at: "2026-11-10", amount: 1234)
        let out = db.folder.appendingPathComponent("out")
        _ = try await generate(db, out: out.path, asOf: "2026-11-16")
        // An earlier period whose report.json was damaged by hand.
        let broken = out.appendingPathComponent("2026-W40")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try Data("{\"schema_version\": 1, \"period\": ".utf8).write(to: broken.appendingPathComponent("report.json"))
        try Data("<html></html>".utf8).write(to: broken.appendingPathComponent("index.html"))
        _ = try await generate(db, out: out.path, asOf: "2026-11-23")
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("2026-W47/index.html") && html.contains("2026-W46/index.html"))
        #expect(html.contains("2026-W40/index.html"))
        #expect(html.contains("report.json could not be read"))
        // The newest readable period leads, with its figures read through the types.
        #expect(html.contains("2026-W47"))
    }
}

/// A findings file of a large CRM holds hundreds of thousands of entries: the encoder must take
/// them in one pass (an array copied on every append hung a 1M-contact run).
@Suite struct LargeDocumentTests {
    struct Item: Encodable { let id: Int; let check: String; let at: Double? }

    @Test(.timeLimit(.minutes(1))) func encodesAQuarterMillionItems() throws {
        let items = (0..<250_000).map { Item(id: $0, check: $0 % 2 == 0 ? "no_consent" : "to_deleted", at: $0 % 3 == 0 ? nil : Double($0) / 4) }
        let value = try JSONValueEncoder.encode(["findings": items])
        guard case .object(let top) = value, case .array(let list)? = top.first?.1 else { Issue.record("not an object of an array"); return }
        #expect(list.count == 250_000)
        #expect(list[3] == .object([("at", .null), ("check", .string("to_deleted")), ("id", .int(3))]))
        #expect(list[2] == .object([("at", .number(0.5)), ("check", .string("no_consent")), ("id", .int(2))]))
    }
}

@Suite struct CompactJSONTests {
    @Test func oneItemALineAndParsesBack() throws {
        let v = JSONValue.object([("findings", .array([.object([("check", .string("no_consent")), ("id", .int(1))]),
                                                        .object([("check", .string("to_deleted")), ("id", .int(2))])])),
                                  ("total", .int(2)), ("waivers", .array([]))])
        #expect(v.compactText() == "{\n\"findings\":[\n{\"check\":\"no_consent\",\"id\":1},\n{\"check\":\"to_deleted\",\"id\":2}\n],\n\"total\":2,\n\"waivers\":[]\n}\n")
        let parsed = try JSONSerialization.jsonObject(with: Data(v.compactText().utf8)) as? [String: Any]
        #expect((parsed?["findings"] as? [Any])?.count == 2 && parsed?["total"] as? Int == 2)
    }
}
