import Foundation
import Charts
import CRMData
import Formatting
import Reports
import Results

/// funnel.html and report.json's `funnel`: per pipeline the funnel of the last weeks' deals
/// against the weeks before, time to each stage, breakdowns, closed deals and lost reasons.
struct FunnelSection: ReportSection {
    static let file = "funnel.html"
    static let navKey = "nav.funnel"

    static func page(_ context: SectionContext) -> FunnelPage {
        FunnelPage(report: context.results.funnel, frame: context.frame, period: context.period)
    }

    static func charts(_ context: SectionContext) -> [RenderedChart] { page(context).charts() }

    static let template = "funnel"

    static func viewModel(_ context: SectionContext, charts: [RenderedChart]) -> [String: Any] {
        page(context).context(charts: charts)
    }

    static func words(_ locale: ReportLocale) -> [String: String] { locale == .ru ? FunnelPage.ru : FunnelPage.en }
}

struct FunnelPage {
    let report: FunnelReport
    let frame: PageFrame
    let period: ReportPeriod

    var words: Words { frame.words }
    var format: NumberFormat { frame.format }

    func stepName(_ stage: String) -> String {
        switch stage {
        case FunnelReport.wonStep: return words["funnel.won"]
        case FunnelReport.createdStep: return words["funnel.created"]
        default: return stage
        }
    }

    func groupName(_ g: FunnelReport.Group) -> String {
        switch g.kind {
        case .value: return g.label
        case .none: return words["funnel.none"]
        case .other: return words["funnel.other"]
        }
    }

    func span(_ start: Int, _ end: Int) -> String { "\(format.date(day: start)) – \(format.date(day: end - 1))" }

    func charts() -> [RenderedChart] {
        report.pipelines.enumerated().flatMap { i, p -> [RenderedChart] in
            let n = i + 1
            let stages = p.current.steps.map { FunnelStage(label: stepName($0.stage), count: Double($0.reached)) }
            let title = "\(words["funnel.chart"]) · \(p.name)"
            let subtitle = "\(words["funnel.created_between"]) \(span(p.current.cohortStart, p.current.cohortEnd))"
            var list = wideAndNarrow({ id, size in
                funnelChart(id: id, title: title, subtitle: subtitle, stages: stages, format: format,
                            size: size == .standard ? nil : ChartSize(width: size.width, height: max(260, 84 + 58 * stages.count)))
            }, id: "funnel-\(n)")
            list += wideAndNarrow({ id, size in
                histogram(id: id, title: "\(words["funnel.time_to_won"]) · \(p.name)", subtitle: subtitle, values: p.daysToWon,
                          value: .days, format: format, size: size)
            }, id: "funnel-\(n)-days")
            let reasons = p.closedInWindow.lostReasons
            if !reasons.isEmpty {
                let categories = reasons.map { $0.reason == FunnelReport.noneGroup ? words["funnel.no_reason"] : $0.reason }
                let height = max(180, 70 + 34 * reasons.count)
                list += wideAndNarrow({ id, size in
                    barChart(id: id, title: "\(words["funnel.lost_reasons"]) · \(p.name)",
                             subtitle: "\(words["funnel.closed_between"]) \(span(p.closedInWindow.startDay, p.closedInWindow.endDay))",
                             categories: categories, series: [BarSeries(label: words["funnel.lost_deals"], values: reasons.map { Double($0.count) }, role: .negative)],
                             orientation: .horizontal, value: .count, format: format, size: ChartSize(width: size.width, height: height))
                }, id: "funnel-\(n)-lost")
            }
            return list
        }
    }

    func pct(_ v: Double?) -> String { v.map { format.percent($0) } ?? NumberFormat.missing }
    func daysText(_ v: Double?) -> String { v.map { format.days($0) } ?? NumberFormat.missing }
    func money(_ v: Double?) -> String { v.map { format.money($0, digits: abs($0) >= 100 ? 0 : 2) } ?? NumberFormat.missing }

    func context(charts: [RenderedChart]) -> [String: Any] {
        let byID = Dictionary(charts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let pipelines: [[String: Any]] = report.pipelines.enumerated().map { i, p in
            let n = i + 1
            var c: [String: Any] = ["name": p.name, "anchor": "pipeline-\(n)"]
            c["stage_source"] = words["funnel.source.\(p.stageSource.rawValue)"]
            c["cohorts_text"] = "\(words["funnel.current"]): \(span(p.current.cohortStart, p.current.cohortEnd)) (\(format.count(Double(p.current.deals))) \(words["funnel.deals_word"])); "
                + "\(words["funnel.previous"]): \(span(p.previous.cohortStart, p.previous.cohortEnd)) (\(format.count(Double(p.previous.deals))) \(words["funnel.deals_word"]))"
            c["funnel_chart"] = byID["funnel-\(n)"].map { figureContext($0, tableTitle: words["funnel.table"]) } ?? [:]
            c["days_chart"] = byID["funnel-\(n)-days"].map { figureContext($0, tableTitle: words["funnel.table"]) } ?? [:]
            c["lost_chart"] = byID["funnel-\(n)-lost"].map { figureContext($0, tableTitle: words["funnel.table"]) } ?? false
            c["steps"] = zip(zip(p.current.steps, p.previous.steps), p.conversionChanges).map { steps, delta -> [String: Any] in
                let (cur, prev) = steps
                var change = NumberFormat.missing, tone = "flat"
                if let delta {
                    change = format.points(delta, digits: 1)
                    tone = delta > 0 ? "good" : (delta < 0 ? "bad" : "flat")
                }
                return ["stage": stepName(cur.stage), "reached": format.count(Double(cur.reached)),
                        "step": pct(cur.stepConversion), "overall": pct(cur.overallConversion),
                        "drop": cur.dropOff.map { format.count(Double($0)) } ?? NumberFormat.missing,
                        "median": daysText(cur.medianDays), "p75": daysText(cur.p75Days),
                        "prev_reached": format.count(Double(prev.reached)), "prev_overall": pct(prev.overallConversion),
                        "change": change, "tone": tone]
            }
            c["closed"] = closedRows(p)
            c["breakdowns"] = p.breakdowns.map { breakdownContext($0, steps: p.current.steps.map(\.stage)) }
            if p.unknownStageRows > 0 {
                c["unknown_note"] = "\(words["funnel.unknown_stages"]) \(format.count(Double(p.unknownStageRows)))"
            }
            return c
        }
        let h = words
        let body: [String: Any] = [
            "heading": h["funnel.title"],
            "lead": report.unavailable == nil
                ? "\(h["funnel.lead"]) \(report.windowWeeks) \(h["funnel.lead_weeks"]) \(h.fill("funnel.lead_groups", ["n": String(report.minGroup)]))"
                : "",
            "unavailable": report.unavailable.map { _ in h["funnel.unavailable"] } ?? false,
            "pipelines": pipelines,
            "has_toc": pipelines.count > 1,
            "toc": pipelines.map { ["name": $0["name"] ?? "", "anchor": $0["anchor"] ?? ""] },
            "h_stage": h["funnel.stage"], "h_reached": h["funnel.reached"], "h_step": h["funnel.step_conversion"],
            "h_overall": h["funnel.overall"], "h_drop": h["funnel.drop_off"], "h_median": h["funnel.median"], "h_p75": h["funnel.p75"],
            "h_prev_reached": h["funnel.prev_reached"], "h_prev_overall": h["funnel.prev_overall"], "h_change": h["funnel.change"],
            "h_steps": h["funnel.steps"], "h_closed": h["funnel.closed"], "h_breakdowns": h["funnel.breakdowns"],
            "h_breakdown_note": h["funnel.breakdown_note"], "h_metric": h["funnel.metric"],
            "h_this_period": "\(h["funnel.this_period"]) (\(span(period.startDay, period.endDay)))",
            "h_window": "\(h["funnel.last"]) \(report.windowWeeks) \(h["funnel.weeks"]) (\(report.pipelines.first.map { span($0.closedInWindow.startDay, $0.closedInWindow.endDay) } ?? ""))",
            "h_group": h["funnel.group"], "h_deals": h["funnel.deals"], "h_won": h["funnel.won"],
            "h_young": h["funnel.young"],
            "definitions_title": h["summary.definitions"],
            "definitions": ["stages", "reached", "step", "overall", "time", "breakdowns", "closed"].map {
                ["label": h["funnel.def.\($0).label"], "text": h["funnel.def.\($0)"]]
            },
        ]
        return frame.context(page: FunnelSection.file, title: "\(h["funnel.title"]) · \(period.label)", body: body)
    }

    func closedRows(_ p: FunnelReport.Pipeline) -> [[String: Any]] {
        let a = p.closedInPeriod, b = p.closedInWindow
        func row(_ key: String, _ f: (FunnelReport.Closed) -> String) -> [String: Any] { ["label": words[key], "period": f(a), "window": f(b)] }
        return [
            row("funnel.closed_won") { format.count(Double($0.won)) },
            row("funnel.closed_lost") { format.count(Double($0.lost)) },
            row("funnel.win_rate") { pct($0.winRate) },
            row("funnel.won_amount") { money($0.wonAmount) },
            row("funnel.average_won") { money($0.averageWonDeal) },
            row("funnel.median_cycle") { daysText($0.medianCycleDays) },
        ]
    }

    func breakdownContext(_ b: FunnelReport.Breakdown, steps: [String]) -> [String: Any] {
        let ranked = b.groups.filter { $0.kind != .other }
        let best = ranked.count >= 2 ? ranked.first?.label : nil
        let worst = ranked.count >= 2 ? ranked.last?.label : nil
        let top = b.groups.compactMap(\.overallConversion).max() ?? 0
        let rows: [[String: Any]] = b.groups.map { g in
            var mark = ""
            if g.kind != .other && g.label == best { mark = "best" }
            if g.kind != .other && g.label == worst { mark = "worst" }
            let width = top > 0 ? Int(((g.overallConversion ?? 0) / top * 100).rounded()) : 0
            return ["group": groupName(g), "deals": format.count(Double(g.deals)),
                    "cells": zip(g.reached, g.shares).dropFirst().map { r, share in
                        "\(format.count(Double(r))) (\(share.map { format.percent($0, digits: 0) } ?? NumberFormat.missing))"
                    },
                    "overall": pct(g.overallConversion), "bar": "width:\(width)%", "mark": mark,
                    "mark_label": mark.isEmpty ? "" : words["funnel.\(mark)"]]
        }
        var folded = ""
        if b.folded > 0 { folded = "\(words["funnel.folded"]) \(b.folded) (\(words["funnel.min_group"]) \(report.minGroup))" }
        return ["title": words["funnel.by.\(b.dimension.rawValue)"], "rows": rows, "has_rows": !rows.isEmpty,
                "step_headers": steps.dropFirst().map { stepName($0) }, "folded": folded, "none": words["funnel.no_deals"]]
    }
}
