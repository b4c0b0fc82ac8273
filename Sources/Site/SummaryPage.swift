import Charts
import CRMData
import Foundation
import Formatting
import Reports
import Results

/// The executive summary page: a card for each figure with its deltas and sparkline,
/// the main revenue chart with its table, and the definitions.
/// The summary as a section of the site: index.html, its charts, and report.json's `summary`.
struct SummarySection: ReportSection {
    static let file = "index.html"
    static let navKey = "nav.summary"

    static func page(_ context: SectionContext) -> SummaryPage {
        SummaryPage(report: context.results.summary, frame: context.frame, notes: context.noteTexts)
    }

    static func charts(_ context: SectionContext) -> [RenderedChart] { page(context).charts() }

    static let template = "summary"

    static func viewModel(_ context: SectionContext, charts: [RenderedChart]) -> [String: Any] {
        page(context).context(charts: Dictionary(charts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
    }
}

struct SummaryPage {
    let report: SummaryReport
    let frame: PageFrame
    let notes: [String]

    var words: Words { frame.words }
    var format: NumberFormat { frame.format }

    /// Metrics whose increase is bad news.
    static let risingIsBad: Set<SummaryMetric> = [.returnsRate, .consentViolations, .staleShare]

    func charts() -> [RenderedChart] {
        let grain: TimeGrain = report.period.kind == .week ? .week : .month
        let current = zip(report.seriesPeriods, report.revenueSeries).map { SeriesPoint(day: $0.startDay, value: $1) }
        let yearAgo = zip(report.seriesPeriods, report.revenueSeriesYearAgo).map { SeriesPoint(day: $0.startDay, value: $1) }
        let title = words[report.period.kind == .week ? "summary.main_chart" : "summary.main_chart_month"]
        let subtitle = "\(format.date(day: report.seriesPeriods.first?.startDay ?? 0)) – \(format.date(day: report.period.endDay - 1))"
        // The page shows the wide chart, and the narrow one on phones (a <picture> source).
        let main = wideAndNarrow({ id, size in
            timeSeriesChart(id: id, title: title, subtitle: subtitle, current: current, currentLabel: words["summary.this_year"],
                            comparison: yearAgo, comparisonLabel: words["summary.last_year"], value: .money, grain: grain,
                            format: format, size: size)
        }, id: "revenue")
        let sparks = SummaryMetric.allCases.compactMap { m -> RenderedChart? in
            let f = report[m]
            guard f.unavailable == nil else { return nil }
            return sparkline(id: "spark-\(m.rawValue)", values: f.trend, value: Self.valueKind(m.kind), format: format)
        }
        return main + sparks
    }

    static func valueKind(_ k: SummaryMetric.Kind) -> ValueKind {
        switch k {
        case .money: return .money
        case .count: return .count
        case .rate: return .percent
        }
    }

    func context(charts: [String: RenderedChart]) -> [String: Any] {
        let cards: [[String: Any]] = SummaryMetric.allCases.map { m in
            let f = report[m]
            var card: [String: Any] = ["id": m.rawValue, "label": words["metric.\(m.rawValue)"], "definition": words["def.\(m.rawValue)"]]
            if let reason = f.unavailable {
                card["unavailable"] = words.reason(reason)
                card["value"] = NumberFormat.missing
                return card
            }
            card["value"] = format.figure(f.current, m.kind)
            card["deltas"] = [
                delta(words["summary.vs_previous"], f.vsPrevious, m),
                delta(words["summary.vs_year_ago"], f.vsYearAgo, m),
            ]
            card["previous"] = format.figure(f.previous, m.kind)
            card["year_ago"] = format.figure(f.yearAgo, m.kind)
            card["spark"] = charts["spark-\(m.rawValue)"]?.svg ?? ""
            card["point_in_time"] = m.isPointInTime ? words["summary.point_in_time"] : ""
            return card
        }
        let main = charts["revenue"]
        let body: [String: Any] = [
            "heading": words["summary.title"],
            "cards": cards,
            "main_chart": main.map { figureContext($0, tableTitle: words["summary.table"]) } ?? [:],
            "definitions_title": words["summary.definitions"],
            "definitions": SummaryMetric.allCases.map { ["label": words["metric.\($0.rawValue)"], "text": words["def.\($0.rawValue)"]] },
            "notes_title": words["summary.notes"],
            "notes": notes,
            "has_notes": !notes.isEmpty,
            "previous_label": words["summary.previous"],
            "year_ago_label": words["summary.year_ago"],
        ]
        return frame.context(page: "index.html", title: "\(words["summary.title"]) · \(report.period.label)", body: body)
    }

    func delta(_ label: String, _ d: Delta?, _ m: SummaryMetric) -> [String: Any] {
        guard let d else { return ["label": label, "text": NumberFormat.missing, "tone": "flat"] }
        let relative = d.relative.map { format.signedPercent($0, digits: 1) } ?? words["summary.new"]
        let good = Self.risingIsBad.contains(m) ? d.absolute < 0 : d.absolute > 0
        let tone = d.absolute == 0 ? "flat" : (good ? "good" : "bad")
        let arrow = d.absolute > 0 ? "▲" : (d.absolute < 0 ? "▼" : "■")
        return ["label": label, "text": "\(arrow) \(format.change(d.absolute, m.kind)) (\(relative))", "tone": tone]
    }
}
