import CRMData
import DemoData
import Formatting
import Foundation
import Reports
import Results
@testable import Site
import Testing

/// Every figure a page shows is in report.json: walk each section's view model, read every
/// number it shows, and find it among report.json's numbers within the rounding the page used.
/// A number computed in page code and never put into the document fails here.
@Suite("Figures in report.json")
struct FiguresInJSONTests {
    /// View-model keys that hold words, labels, chart figures (a chart's table is drawn from
    /// the chart's own data), settings, masked personal data or a page's cap ("and 107 more"),
    /// not figures of the results.
    static let skipped: Set<String> = ["heading", "lead", "title", "label", "definitions", "footer", "nav", "lang", "site_title",
                                       "period_text", "period_label", "name", "anchor", "href", "id", "stage", "group",
                                       "rule", "action", "table_title", "headers", "spark", "svg", "alt", "meta",
                                       "cohorts_text", "transition_headers", "step_headers", "toc", "notes", "explain",
                                       "tone", "mark", "mark_label", "bar", "folded", "none", "reason", "reason_id", "table",
                                       "cohort", "source", "dates", "csv", "email", "phone", "rest", "masked",
                                       "point_in_time",
                                       // The consent page: a check's legal basis and the legal grounds cite articles, not figures.
                                       "basis", "grounds"]

    static func numbers(_ v: JSONValue, into out: inout [Double]) {
        switch v {
        case .int(let i): out.append(Double(i))
        case .number(let d): out.append(d)
        case .array(let a): for x in a { numbers(x, into: &out) }
        case .object(let o): for (_, x) in o { numbers(x, into: &out) }
        default: break
        }
    }

    /// Strings under figure keys, with the key path for the failure message.
    static func shown(_ value: Any, path: String, into out: inout [(String, String)]) {
        switch value {
        case let s as String: out.append((path, s))
        case let d as [String: Any]:
            if d["alt"] != nil { return }   // a chart figure
            for (k, v) in d where !skipped.contains(k) && !k.hasPrefix("h_") && !k.hasSuffix("_label") && !k.hasSuffix("_chart") {
                shown(v, path: "\(path).\(k)", into: &out)
            }
        case let a as [Any]: for (i, v) in a.enumerated() { shown(v, path: "\(path)[\(i)]", into: &out) }
        default: break
        }
    }

    static let months = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    static let dates = try? NSRegularExpression(pattern: "\\d{4}-W\\d{2}|\\d{4}-\\d{2}(-\\d{2})?|\\d{1,2} \(months)( \\d{4})?|\(months) \\d{4}|#\\d+")
    static let number = try? NSRegularExpression(pattern: "([+−-]?)[₽$]?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?:\\s?([KMB]))?(?:\\s?₽)?(?:\\s?(%|pp))?")

    /// The shown numbers of a text as (value, tolerance): percents and points as fractions.
    static func figures(in text: String) -> [(Double, Double, String)] {
        var t = text.replacingOccurrences(of: "\u{2060}", with: "").replacingOccurrences(of: "\u{00A0}", with: " ")
        if let dates { t = dates.stringByReplacingMatches(in: t, range: NSRange(t.startIndex..., in: t), withTemplate: " ") }
        guard let number else { return [] }
        let ns = t as NSString
        return number.matches(in: t, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            func group(_ i: Int) -> String { m.range(at: i).location == NSNotFound ? "" : ns.substring(with: m.range(at: i)) }
            let digits = group(2).replacingOccurrences(of: ",", with: ""), fraction = group(3)
            guard var v = Double(digits + fraction) else { return nil }
            var tol = 0.5 * pow(10, -Double(max(0, fraction.count - 1)))
            switch group(4) {
            case "K": v *= 1e3; tol *= 1e3
            case "M": v *= 1e6; tol *= 1e6
            case "B": v *= 1e9; tol *= 1e9
            default: break
            }
            if !group(5).isEmpty { v /= 100; tol /= 100 }
            if group(1) == "−" || group(1) == "-" { v = -v }
            return (v, tol * 1.0001, ns.substring(with: m.range))
        }
    }

    @Test func everyShownFigureIsInTheDocument() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("demo.sqlite").path
        let day = try #require(CivilDate.parse("2026-11-23"))
        _ = try DemoGenerator.generate(path: db, options: .init(contacts: 600, seed: 5, asOfDay: day))
        let zone = try #require(ZoneClock(identifier: "UTC"))
        var config = ReportConfig()
        config.db = db
        let snapshot = try SnapshotReader(path: db, asOf: zone.startOfDay(day), zone: zone).read()
        let period = ReportPeriod.latest(.week, asOfDay: day)
        let results = try await ReportComputation.compute(snapshot, config: config, period: period)
        let provenance = Provenance(asOf: "2026-11-23", timezone: "UTC", configHash: "c", databaseSHA256: "d")
        var inJSON: [Double] = []
        Self.numbers(try JSONValueEncoder.encode(ReportDocument(results, provenance: provenance, currency: "RUB")), into: &inJSON)
        inJSON += inJSON.map { -$0 }   // magnitudes shown without their sign
        inJSON.sort()

        let sections = ReportSections.all
        let frame = PageFrame(words: Words(.en), format: NumberFormat(locale: .en, currency: "RUB"), period: period,
                              provenance: provenance, pages: sections.map { ($0.file, $0.navKey) })
        let context = SectionContext(results: results, config: config, frame: frame)
        var checked = 0
        for section in sections {
            var texts: [(String, String)] = []
            Self.shown(section.viewModel(context, charts: section.charts(context)), path: section.file, into: &texts)
            for (path, text) in texts {
                for (v, tol, token) in Self.figures(in: text) {
                    checked += 1
                    // Binary search for the nearest document number.
                    var lo = 0, hi = inJSON.count
                    while lo < hi { let mid = (lo + hi) / 2; if inJSON[mid] < v - tol { lo = mid + 1 } else { hi = mid } }
                    let found = lo < inJSON.count && inJSON[lo] <= v + tol
                    #expect(found, "\(path): '\(token)' in '\(text.prefix(120))' is not in report.json")
                }
            }
        }
        #expect(checked > 300)
    }
}
