import CRMData
import Foundation
@testable import Site
import Testing
import TestSupport

/// report.json carries money sums as the decimals they are (issue 8, "Money adds up exactly").
@Suite("Exact money in report.json")
struct ExactMoneyJSONTests {
    @Test("a week of 1,234,567.89 a day plus tenths is written 8641976.23, never 8641976.229999999")
    func revenueHasNoBinaryNoise() async throws {
        let db = try FixtureDB.exactMoneyWeeks()
        var config = ReportConfig()
        config.db = db.path
        config.out = db.folder.appendingPathComponent("out").path
        config.asOf = "2026-11-23"
        _ = try await ReportRun(config: config, templates: try Templates(folder: PublishingTests.templates)).generate()
        let data = try Data(contentsOf: URL(fileURLWithPath: config.out).appendingPathComponent("2026-W47/report.json"))
        let text = String(decoding: data, as: UTF8.self)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let revenue = try #require((json["summary"] as? [String: Any])?["revenue"] as? [String: Any])
        #expect(revenue["current"] as? Double == 8_641_976.23 && revenue["previous"] as? Double == 0.3)
        #expect(text.contains("\"current\": 8641976.23,") && text.contains("\"previous\": 0.3,"))
        #expect(!text.contains("8641976.22999"))
    }
}
