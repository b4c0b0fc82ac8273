import Foundation
import Charts
import CRMData
import Formatting
import Reports
import Results

/// cohorts.html and report.json's `cohorts`: retention, revenue per customer and cumulative
/// LTV of the acquisition cohorts, and LTV (with CAC where spend is known) by acquisition source.
struct CohortsSection: ReportSection {
    static let file = "cohorts.html"
    static let navKey = "nav.cohorts"

    static func page(_ context: SectionContext) -> CohortsPage {
        CohortsPage(report: context.results.cohorts, frame: context.frame, period: context.period, asOfDay: context.results.asOfDay)
    }

    static func charts(_ context: SectionContext) -> [RenderedChart] { page(context).charts() }

    static let template = "cohorts"

    static func viewModel(_ context: SectionContext, charts: [RenderedChart]) -> [String: Any] {
        page(context).context(charts: charts)
    }

    static func words(_ locale: ReportLocale) -> [String: String] { locale == .ru ? CohortsPage.ru : CohortsPage.en }
}

struct CohortsPage {
    let report: CohortReport
    let frame: PageFrame
    let period: ReportPeriod
    let asOfDay: Int

    var words: Words { frame.words }
    var format: NumberFormat { frame.format }
    var grain: TimeGrain { report.grain == .month ? .month : .week }

    func cohortLabel(_ c: CohortReport.Cohort) -> String {
        report.grain == .month ? format.month(day: c.startDay) : "\(c.label) (\(format.shortDate(day: c.startDay)))"
    }

    var acquired: String {
        guard let first = report.cohorts.first, let last = report.cohorts.last else { return "" }
        return "\(words["cohorts.acquired"]) \(format.date(day: first.startDay)) – \(format.date(day: last.endDay - 1))"
    }
    var subtitle: String { "\(acquired); \(words["cohorts.blank"])" }

    func rows(_ value: (CohortReport.Cohort) -> [Double?]) -> [CohortRow] {
        report.cohorts.map { CohortRow(label: cohortLabel($0), size: Double($0.size), values: value($0)) }
    }

    func charts() -> [RenderedChart] {
        let height = max(220, 118 + 28 * report.cohorts.count)
        func heat(_ id: String, _ title: String, _ kind: ValueKind, _ value: @escaping (CohortReport.Cohort) -> [Double?]) -> [RenderedChart] {
            wideAndNarrow({ id, size in
                cohortHeatmap(id: id, title: title, subtitle: size == .standard ? subtitle : acquired, cohorts: rows(value), value: kind, grain: grain, format: format,
                              size: size == .standard ? nil : ChartSize(width: size.width, height: height))
            }, id: id)
        }
        return heat("cohorts-retention", words["cohorts.retention"], .percent) { $0.retention }
            + heat("cohorts-revenue", words["cohorts.revenue"], .money) { $0.revenuePerCustomer }
            + wideAndNarrow({ id, size in
                cohortCurves(id: id, title: words["cohorts.ltv"], subtitle: "\(acquired); \(words["cohorts.x_axis"])",
                             cohorts: rows { $0.cumulativeLTV }, value: .money, grain: grain, format: format,
                             size: ChartSize(width: size.width, height: 360))
            }, id: "cohorts-ltv")
    }

    func money(_ v: Double?) -> String { v.map { format.money($0, digits: abs($0) >= 100 ? 0 : 2) } ?? NumberFormat.missing }

    func context(charts: [RenderedChart]) -> [String: Any] {
        let byID = Dictionary(charts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let h = words
        func figure(_ id: String) -> Any { byID[id].map { figureContext($0, tableTitle: h["cohorts.table"]) } ?? [:] }
        let unit = h[report.grain == .month ? "cohorts.months" : "cohorts.weeks"]
        let sources: [[String: Any]] = (report.overall + report.bySource).map { s in
            ["source": s.source == CohortReport.allSources ? h["cohorts.all_sources"] : (s.source == FunnelReport.noneGroup ? h["cohorts.no_source"] : s.source),
             "all": s.source == CohortReport.allSources,
             "periods": "\(s.periods) \(unit)", "cohorts": format.count(Double(s.cohorts)), "customers": format.count(Double(s.customers)),
             "ltv": money(s.ltv), "spend": money(s.spend), "cac": money(s.cac),
             "ltv_cac": s.ltvCac.map { format.decimal($0, digits: 2) + "×" } ?? NumberFormat.missing]
        }
        let body: [String: Any] = [
            "heading": h["cohorts.title"],
            "lead": "\(h["cohorts.lead.\(report.grain.rawValue)"]) \(h["cohorts.lead_rest"])",
            "retention_chart": figure("cohorts-retention"),
            "revenue_chart": figure("cohorts-revenue"),
            "ltv_chart": figure("cohorts-ltv"),
            "h_sources": h["cohorts.by_source"], "sources_note": "\(h["cohorts.by_source_note"])\(report.hasCosts ? "" : " " + h["cohorts.no_costs"])",
            "sources": sources, "has_sources": !report.bySource.isEmpty, "no_sources": h["cohorts.no_customers"],
            "h_source": h["cohorts.source"], "h_periods": h["cohorts.ltv_at"], "h_cohorts": h["cohorts.cohorts"],
            "h_customers": h["cohorts.customers"], "h_ltv": h["cohorts.ltv_short"], "h_spend": h["cohorts.spend"],
            "h_cac": h["cohorts.cac"], "h_ltv_cac": h["cohorts.ltv_cac"],
            "definitions_title": h["summary.definitions"],
            "definitions": ["cohort", "retention", "revenue", "ltv", "source"].map { ["label": h["cohorts.def.\($0).label"], "text": h["cohorts.def.\($0)"]] },
        ]
        return frame.context(page: CohortsSection.file, title: "\(h["cohorts.title"]) · \(period.label)", body: body)
    }
}
