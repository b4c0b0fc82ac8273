import CRMData
import Foundation
@testable import Site
import Testing
import TestSupport

/// Reasons are values: on a database holding only contacts and orders, a Russian run words
/// every absent table and every figure not yet audited in Russian; report.json keeps the
/// machine ids and the English text.
@Suite("Reasons in the page's language")
struct RussianReasonsTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("report-templates").path

    static let optional: Set<String> = ["deals", "deal_stages", "pipeline_stages", "campaigns", "campaign_members", "messages",
                                        "consents", "interactions", "acquisition_costs"]

    @Test func contactsAndOrdersOnlyInRussian() async throws {
        let db = try FixtureDB(omitTables: Self.optional)
        try db.contact(1, created: "2025-01-01")
        try db.order(1, contact: 1, at: "2026-11-17", amount: 100)
        var config = ReportConfig()
        config.db = db.path
        config.out = db.folder.appendingPathComponent("out").path
        config.asOf = "2026-11-23"
        config.locale = .ru
        let outcome = try await ReportRun(config: config, templates: try Templates(folder: Self.templates)).generate()
        let english = Self.optional.map { Reason.tableAbsent($0).english } + [Reason.notAudited.english]
        let pages = try FileManager.default.contentsOfDirectory(atPath: outcome.periodFolder.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count == ReportSections.all.count + 1, "every page and email.html")
        for name in pages {
            let html = try String(contentsOf: outcome.periodFolder.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: "&#39;", with: "'")
            for text in english + ["is absent", "not available", "not audited", "read as empty"] {
                #expect(!html.contains(text), "\(name) contains the English '\(text)'")
            }
        }
        let summary = try String(contentsOf: outcome.periodFolder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(summary.contains("необязательной таблицы &#39;deals&#39; нет в базе"))
        let campaigns = try String(contentsOf: outcome.periodFolder.appendingPathComponent("campaigns.html"), encoding: .utf8)
        #expect(campaigns.contains("Отчёт по кампаниям недоступен: необязательной таблицы &#39;campaigns&#39; нет в базе."))

        let data = try Data(contentsOf: outcome.periodFolder.appendingPathComponent("report.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let notes = json["notes"] as? [[String: String]] ?? []
        #expect(notes.contains { $0["id"] == "table_absent.deals" && $0["text"] == "the optional table 'deals' is absent" })
        #expect(notes.contains { $0["id"] == "campaigns.table_absent.campaigns" })
        let summaryJSON = json["summary"] as? [String: [String: Any]] ?? [:]
        #expect(summaryJSON["consent_violations"]?["note"] as? String == "not audited yet")
        #expect(notes.contains { $0["id"] == "stale_contacts.partial.bounced" && $0["text"] == "stale_contacts: bounced: checked without the absent table messages" })
    }
}
