import Formatting

/// The period word of a grain ("Month", "Месяц"), for cohort headers and sentences.
func periodUnit(_ grain: TimeGrain, _ locale: ReportLocale) -> String {
    let en = locale == .en
    switch grain {
    case .month: return en ? "Month" : "Месяц"
    case .week: return en ? "Week" : "Неделя"
    case .day: return en ? "Day" : "День"
    }
}

/// The numbers behind a cohort chart: cohort, size, then one column per period index,
/// blank where a cohort has no value for that period. Shared by the heatmap and the curves.
func cohortTable(_ cohorts: [CohortRow], cells: [[Double?]], value: ValueKind, grain: TimeGrain, format f: NumberFormat) -> ChartTable {
    let s = Strings(f.locale)
    let unit = periodUnit(grain, f.locale)
    let columns = cohorts.map(\.values.count).max() ?? 0
    let headers = [s.cohort, s.size] + (0..<columns).map { "\(unit) \($0)" }
    let rows = cohorts.enumerated().map { i, c in
        [c.label, f.count(c.size)] + (0..<columns).map { k in k < cells[i].count ? (cells[i][k].map { value.label($0, f) } ?? "") : "" }
    }
    return ChartTable(headers: headers, rows: rows)
}
