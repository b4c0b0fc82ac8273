import Foundation
import Charts
import CRMData
import Formatting
import Reports
import Results

/// rfm.html and report.json's `rfm`: the customers' RFM segments with what to do with each,
/// the R-by-F grid, and where this period's segments came from.
struct RFMSection: ReportSection {
    static let file = "rfm.html"
    static let navKey = "nav.rfm"

    static func page(_ context: SectionContext) -> RFMPage {
        RFMPage(report: context.results.rfm, frame: context.frame, period: context.period)
    }

    static func charts(_ context: SectionContext) -> [RenderedChart] { page(context).charts() }

    static let template = "rfm"

    static func viewModel(_ context: SectionContext, charts: [RenderedChart]) -> [String: Any] {
        page(context).context(charts: charts)
    }

    static func words(_ locale: ReportLocale) -> [String: String] { locale == .ru ? RFMPage.ru : RFMPage.en }
}

struct RFMPage {
    let report: RFMReport
    let frame: PageFrame
    let period: ReportPeriod

    var words: Words { frame.words }
    var format: NumberFormat { frame.format }
    typealias Segment = RFMReport.Segment

    func name(_ s: Segment?) -> String { s.map { words["rfm.seg.\($0.rawValue)"] } ?? words["rfm.not_scored"] }

    func charts() -> [RenderedChart] {
        let subtitle = "\(words["rfm.as_of"]) \(format.date(day: report.current.day)) · \(format.count(Double(report.customers))) \(words["rfm.customers_word"])"
        let grid = wideAndNarrow({ id, size in
            rfmGrid(id: id, title: words["rfm.grid"], subtitle: subtitle, counts: report.grid, format: format,
                    size: size == .standard ? ChartSize(width: 880, height: 440) : ChartSize(width: size.width, height: 420))
        }, id: "rfm-grid")
        let segments = report.segments
        let sizes = wideAndNarrow({ id, size in
            barChart(id: id, title: words["rfm.sizes"], subtitle: subtitle, categories: segments.map { name($0.segment) },
                     series: [BarSeries(label: words["rfm.customers"], values: segments.map { Double($0.customers) }, role: .current)],
                     orientation: .horizontal, value: .count, format: format, size: ChartSize(width: size.width, height: 420))
        }, id: "rfm-segments")
        return grid + sizes
    }

    func pct(_ v: Double?) -> String { v.map { format.percent($0) } ?? NumberFormat.missing }

    func context(charts: [RenderedChart]) -> [String: Any] {
        let byID = Dictionary(charts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let h = words
        let top = report.segments.map(\.customers).max() ?? 0
        let segments: [[String: Any]] = report.segments.map { s in
            let change = s.change
            return ["id": s.segment.rawValue, "name": name(s.segment), "customers": format.count(Double(s.customers)),
                    "share": pct(s.customerShare), "revenue": format.money(s.revenue, digits: 0), "revenue_share": pct(s.revenueShare),
                    "previous": format.count(Double(s.previousCustomers)),
                    "change": format.count(Double(change), signed: true),
                    "bar": "width:\(top > 0 ? Int((Double(s.customers) / Double(top) * 100).rounded()) : 0)%",
                    "action": h["rfm.do.\(s.segment.rawValue)"], "rule": h["rfm.rule.\(s.segment.rawValue)"]]
        }
        // Transitions: a row per segment now, a column per segment a period ago (and "not in RFM").
        let all = Segment.allCases
        let n = all.count
        let columns = Array(0...n)
        let transitions: [[String: Any]] = (0...n).map { to in
            let total = report.transitionTotals[to]
            return ["name": to < n ? name(all[to]) : h["rfm.left"],
                    "cells": columns.map { from -> [String: Any] in
                        let v = report.transitions[from][to]
                        return ["value": v == 0 ? "·" : format.count(Double(v)), "stay": from == to && to < n, "zero": v == 0]
                    },
                    "total": format.count(Double(total))]
        }
        let body: [String: Any] = [
            "heading": h["rfm.title"],
            "lead": "\(h["rfm.lead"]) \(report.windowDays) \(h["rfm.lead_days"]) \(format.date(day: report.current.day)). "
                + "\(h["rfm.compared"]) \(format.date(day: report.previous.day)).",
            "grid_chart": byID["rfm-grid"].map { figureContext($0, tableTitle: h["rfm.table"]) } ?? [:],
            "sizes_chart": byID["rfm-segments"].map { figureContext($0, tableTitle: h["rfm.table"]) } ?? [:],
            "segments": segments, "has_customers": report.customers > 0, "no_customers": h["rfm.no_customers"],
            "h_segments": h["rfm.segments"], "h_segment": h["rfm.segment"], "h_customers": h["rfm.customers"], "h_share": h["rfm.share"],
            "h_revenue": h["rfm.revenue"], "h_revenue_share": h["rfm.revenue_share"], "h_previous": h["rfm.previous"],
            "h_change": h["rfm.change"], "h_action": h["rfm.action"], "h_rule": h["rfm.rule"],
            "h_transitions": h["rfm.transitions"], "transitions_note": h["rfm.transitions_note"],
            "h_now": h["rfm.now"], "h_total": h["rfm.total"],
            "transition_headers": columns.map { $0 < n ? name(all[$0]) : h["rfm.new_to_rfm"] },
            "transitions": transitions,
            "definitions_title": h["summary.definitions"],
            "definitions": ["base", "scores", "segments"].map { ["label": h["rfm.def.\($0).label"], "text": h["rfm.def.\($0)"]] },
        ]
        return frame.context(page: RFMSection.file, title: "\(h["rfm.title"]) · \(period.label)", body: body)
    }
}
