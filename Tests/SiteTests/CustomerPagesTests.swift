import Formatting
import CRMData
import Foundation
@testable import Site
import Testing
import TestSupport

/// funnel.html, cohorts.html, rfm.html and their report.json sections, generated from a
/// fixture whose figures are worked out by hand below.
@Suite("Funnel, cohort and RFM pages")
struct CustomerPagesTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("report-templates").path

    /// As of Monday 23 Nov 2026: period 16–23 Nov, funnel cohort 24 Aug – 22 Nov.
    func fixture(deals: Bool = true) throws -> FixtureDB {
        let db = deals ? try FixtureDB() : try FixtureDB(omitTables: ["deals", "deal_stages", "pipeline_stages"])
        try db.contact(1, created: "2025-01-01")
        try db.contact(2, created: "2025-01-01")
        // c1: Sep cohort, orders in Sep and Oct; c2: Oct cohort.
        try db.order(1, contact: 1, at: "2026-09-10", amount: 100)
        try db.order(2, contact: 1, at: "2026-10-05", amount: 50)
        try db.order(3, contact: 2, at: "2026-10-20", amount: 200)
        guard deals else { return db }
        try db.insert("pipeline_stages", ["pipeline": "sales", "stage": "lead", "position": 1])
        try db.insert("pipeline_stages", ["pipeline": "sales", "stage": "demo", "position": 2])
        try db.deal(1, pipeline: "sales", created: "2026-11-02", status: "won", closed: "2026-11-17", amount: 1000, channel: "web")
        try db.stage(deal: 1, "lead", at: "2026-11-02")
        try db.stage(deal: 1, "demo", at: "2026-11-04")
        try db.deal(2, pipeline: "sales", created: "2026-11-03", status: "lost", closed: "2026-11-18", channel: "web", lostReason: "price")
        try db.stage(deal: 2, "lead", at: "2026-11-03")
        try db.deal(3, pipeline: "sales", created: "2026-11-05")
        try db.deal(4, pipeline: "sales", created: "2026-11-06")
        try db.stage(deal: 4, "demo", at: "2026-11-09")
        return db
    }

    func generate(_ db: FixtureDB, locale: String = "en") async throws -> (json: [String: Any], page: (String) throws -> String) {
        // The pages are read while the fixture (which deletes its folder when released) is still held by the closure.
        var config = ReportConfig()
        config.db = db.path
        config.out = db.folder.appendingPathComponent("out-\(locale)").path
        config.asOf = "2026-11-23"
        config.locale = ReportLocale(rawValue: locale) ?? .en
        let outcome = try await ReportRun(config: config, templates: try Templates(folder: Self.templates)).generate()
        let data = try Data(contentsOf: outcome.periodFolder.appendingPathComponent("report.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return (json, { name in withExtendedLifetime(db) {}; return try String(contentsOf: outcome.periodFolder.appendingPathComponent(name), encoding: .utf8) })
    }

    @Test func funnelJSONAndPage() async throws {
        let (json, page) = try await generate(try fixture())
        let funnel = json["funnel"] as? [[String: Any]] ?? []
        #expect(funnel.count == 1)
        let p = funnel.first ?? [:]
        #expect(p["pipeline"] as? String == "sales")
        #expect(p["cohort_start"] as? String == "2026-08-24")
        #expect(p["cohort_end"] as? String == "2026-11-23")
        let steps = p["steps"] as? [[String: Any]] ?? []
        #expect(steps.map { $0["stage"] as? String } == ["lead", "demo", "won"])
        // lead: all 4; demo: 1 and 4 (4 skipped lead); won: 1.
        #expect(steps.map { $0["reached"] as? Int } == [4, 2, 1])
        #expect(steps.map { $0["step_conversion"] as? Double } == [1, 0.5, 0.5])
        #expect(steps.map { $0["overall_conversion"] as? Double } == [1, 0.5, 0.25])
        #expect(steps[0]["drop_off"] is NSNull)
        #expect(steps.map { $0["drop_off"] as? Int } == [nil, 2, 1])
        // demo: 2 and 3 days -> median 2.5, p75 2.75; won: 15 days.
        #expect(steps.map { $0["median_days"] as? Double } == [0, 2.5, 15])
        #expect(steps.map { $0["p75_days"] as? Double } == [0, 2.75, 15])
        #expect(p["overall_conversion"] as? Double == 0.25)
        let previous = p["previous"] as? [String: Any] ?? [:]
        #expect(previous["deals"] as? Int == 0)
        #expect(previous["overall_conversion"] is NSNull)
        let closed = (p["closed"] as? [String: Any])?["period"] as? [String: Any] ?? [:]
        #expect(closed["won"] as? Int == 1)
        #expect(closed["lost"] as? Int == 1)
        #expect(closed["win_rate"] as? Double == 0.5)
        #expect(closed["won_amount"] as? Double == 1000)
        #expect(closed["median_cycle_days"] as? Double == 15)

        let html = try page("funnel.html")
        for text in ["50.0%", "25.0%", "2.5\u{00A0}days", "15.0\u{00A0}days", "Stage order from pipeline_stages."] {
            #expect(html.contains(text), "funnel.html shows \(text)")
        }
        #expect(!html.contains("⟦"))
    }

    @Test func cohortAndRFMJSON() async throws {
        let (json, page) = try await generate(try fixture())
        let cohorts = json["cohorts"] as? [String: Any] ?? [:]
        #expect(cohorts["grain"] as? String == "month")
        let list = cohorts["cohorts"] as? [[String: Any]] ?? []
        // The last 12 months that have ended at 23 Nov: Nov 2025 ... Oct 2026.
        #expect(list.map { $0["cohort"] as? String }.first == "2025-11")
        #expect(list.map { $0["cohort"] as? String }.last == "2026-10")
        let sep = list.first { $0["cohort"] as? String == "2026-09" } ?? [:]
        #expect(sep["size"] as? Int == 1)
        #expect(sep["retention"] as? [Double] == [1, 1])
        #expect(sep["cumulative_ltv"] as? [Double] == [100, 150])
        let empty = list.first ?? [:]
        #expect(empty["size"] as? Int == 0)
        #expect((empty["retention"] as? [Any])?.allSatisfy { $0 is NSNull } == true)
        // No acquisition_costs rows but the table exists: spend 0, CAC 0, LTV/CAC null.
        let sources = cohorts["by_source"] as? [[String: Any]] ?? []
        #expect(sources.allSatisfy { $0["ltv_cac"] is NSNull })

        let rfm = json["rfm"] as? [String: Any] ?? [:]
        #expect(rfm["customers"] as? Int == 2)
        let segments = rfm["segments"] as? [[String: Any]] ?? []
        // c1: 49 days, 2 orders -> R1 F3 at risk; c2: 34 days, 1 order -> R3 F1 about to sleep.
        let atRisk = segments.first { $0["segment"] as? String == "at_risk" } ?? [:]
        #expect(atRisk["customers"] as? Int == 1)
        #expect(atRisk["revenue"] as? Double == 150)
        #expect(abs((atRisk["revenue_share"] as? Double ?? 0) - 150.0 / 350) < 1e-9)
        let moves = rfm["transitions"] as? [[String: Any]] ?? []
        #expect(moves.count == 2)
        #expect(moves.contains { $0["from"] as? String == "at_risk" && $0["to"] as? String == "at_risk" && $0["customers"] as? Int == 1 })
        let grid = rfm["grid"] as? [[Int]] ?? []
        #expect(grid[0][2] == 1 && grid[2][0] == 1)

        let html = try page("rfm.html")
        #expect(html.contains("Win-back offer before they lapse."))
        #expect(!html.contains("⟦"))
        #expect(try !page("cohorts.html").contains("⟦"))
    }

    @Test func russianPages() async throws {
        let (_, page) = try await generate(try fixture(), locale: "ru")
        let rfm = try page("rfm.html")
        #expect(rfm.contains("Предложение для возврата, пока не ушли."))
        #expect(rfm.contains("Под угрозой"))
        let funnel = try page("funnel.html")
        #expect(funnel.contains("50,0\u{00A0}%"))
        for name in ["funnel.html", "cohorts.html", "rfm.html"] { #expect(try !page(name).contains("⟦"), "\(name)") }
    }

    @Test func withoutDealsTheFunnelIsNullWithANote() async throws {
        let (json, page) = try await generate(try fixture(deals: false))
        #expect(json["funnel"] is NSNull)
        let notes = json["notes"] as? [[String: String]] ?? []
        #expect(notes.contains { $0["id"] == "funnel.table_absent.deals" && $0["text"] == "funnel: the optional table 'deals' is absent" })
        #expect(try page("funnel.html").contains("This database has no deals table"))
        // The other sections do not need deals.
        #expect(json["cohorts"] is [String: Any])
        #expect(json["rfm"] is [String: Any])
    }

    @Test func everyWordInBothLanguages() {
        for (en, ru) in [(FunnelPage.en, FunnelPage.ru), (CohortsPage.en, CohortsPage.ru), (RFMPage.en, RFMPage.ru)] {
            #expect(Set(en.keys) == Set(ru.keys))
        }
    }
}
