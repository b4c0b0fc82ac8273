import CRMData
import Foundation
import Formatting
@testable import Site
import Testing

/// output/index.html across several published periods: newest first, key figures, the trends,
/// and an earlier report.json that no longer parses listed with a note instead of a crash.
@Suite("Archive trends")
struct ArchiveTrendsTests {
    @Test("two periods and a corrupt one: listed newest first, the corrupt one with a note, trends drawn")
    func corruptEarlierPeriod() async throws {
        let out = try await EditionsTests.publish(.en, asOf: "2026-11-16")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let db = out.deletingLastPathComponent().appendingPathComponent("demo.sqlite").path
        let corrupt = out.appendingPathComponent("2026-W40")
        try FileManager.default.createDirectory(at: corrupt, withIntermediateDirectories: true)
        try Data("{\"schema_version\": 1, \"period\": ".utf8).write(to: corrupt.appendingPathComponent("report.json"))
        _ = try await EditionsTests.publish(.en, asOf: "2026-11-23", db: db, out: out)

        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        let words = Words(.en)
        let w47 = try #require(html.range(of: "href=\"2026-W47/index.html\">2026-W47"))
        let w46 = try #require(html.range(of: "href=\"2026-W46/index.html\">2026-W46"))
        let w40 = try #require(html.range(of: "<td>2026-W40</td>"), "listed, and not linked: the folder has no pages")
        #expect(w47.lowerBound < w46.lowerBound, "newest first")
        #expect(html[w40.upperBound...].prefix(200).contains(words["archive.unreadable"]))
        #expect(html.contains(words["archive.trends"]))
        for m in ArchiveTrends.metrics {
            #expect(html.contains("id=\"trend-\(m.rawValue)"), "the \(m.rawValue) trend chart")
            #expect(html.contains("<th class=\"num\">\(words["metric.\(m.rawValue)"])</th>"))
        }

        // `crm-report archive` rebuilds the same page from the folder alone.
        try FileManager.default.removeItem(at: out.appendingPathComponent("index.html"))
        try ArchivePage.rebuild(outputRoot: out, locale: .en, currency: nil, templates: try Templates(folder: EditionsTests.templates))
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8) == html)
    }

    @Test("one period: no trend chart yet, a note says when it appears")
    func onePeriod() async throws {
        let out = try await EditionsTests.publish(.ru)
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains(Words(.ru)["archive.trend_only_one"]))
        #expect(!html.contains("id=\"trend-"))
    }
}
