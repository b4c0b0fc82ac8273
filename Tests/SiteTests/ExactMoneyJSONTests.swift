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

    @Test("large exact sums are written as their decimals; small noisy values still lose their noise")
    func numberSpelling() {
        #expect(JSONValue.format(466_313_181.49) == "466313181.49")
        #expect(JSONValue.format(Money(minor: 1_378_904_815).major) == "13789048.15")
        #expect(JSONValue.format(472_335_012.51) == "472335012.51")
        #expect(JSONValue.format(0.1 + 0.2) == "0.3")
        #expect(JSONValue.format(8_716.072777590712) == "8716.07277759071")
    }
}
