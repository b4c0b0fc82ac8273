import Foundation
import Charts
import Dispatch
import Formatting

// Renders 100 typical charts (SVG + PNG at 2x) on one thread and prints the elapsed time and sizes.
let f = NumberFormat(locale: .ru, currency: "RUB")
let monday = CivilDate.days(year: 2026, month: 5, day: 25)

func series(_ seed: Int) -> [SeriesPoint] {
    (0..<26).map { i in SeriesPoint(day: monday + 7 * i, value: 1_000_000 + Double((i * 7919 + seed * 104_729) % 400_000)) }
}

func typical(_ i: Int) -> RenderedChart {
    switch i % 5 {
    case 0, 1:
        return timeSeriesChart(id: "ts\(i)", title: "Выручка по неделям", subtitle: "26 недель", current: series(i), currentLabel: "2026",
                               comparison: series(i + 1), comparisonLabel: "2025", value: .money, grain: .week, format: f)
    case 2:
        return barChart(id: "b\(i)", title: "Выручка по каналам", subtitle: nil, categories: ["Email", "Поиск", "Соцсети", "Рекомендации", "Прямые"],
                        series: [BarSeries(label: "Эта неделя", values: [412_000, 388_500, 120_300, 95_000, Double(i * 1000)], role: .current),
                                 BarSeries(label: "Год назад", values: [350_000, 401_000, 60_000, 99_000, 180_000], role: .previous)],
                        value: .money, format: f)
    case 3:
        return cohortHeatmap(id: "c\(i)", title: "Удержание", subtitle: nil,
                             cohorts: (0..<12).map { c in CohortRow(label: "м\(c)", size: 900, values: (0..<(12 - c)).map { $0 == 0 ? 1 : 0.3 / Double($0) }) },
                             value: .percent, grain: .month, format: f)
    default:
        return sparkline(id: "s\(i)", values: series(i).map(\.value), value: .money, format: f)
    }
}

_ = typical(0)  // warm up fontconfig
let start = DispatchTime.now().uptimeNanoseconds
var svgSizes: [Int: [Int]] = [:], pngSizes: [Int: [Int]] = [:]
for i in 0..<100 {
    let c = typical(i)
    svgSizes[i % 5, default: []].append(c.svg.utf8.count)
    pngSizes[i % 5, default: []].append(c.png.count)
}
let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
print("100 charts (SVG + PNG 2x): \(String(format: "%.3f", elapsed)) s")
for (k, name) in [(0, "time series 880x340"), (2, "grouped bars 880x340"), (3, "cohort heatmap 12x12"), (4, "sparkline 120x32")] {
    let s = svgSizes[k] ?? [], p = pngSizes[k] ?? []
    print("  \(name): SVG ~\((s.reduce(0, +) / max(s.count, 1)) / 1024) KiB, PNG ~\((p.reduce(0, +) / max(p.count, 1)) / 1024) KiB")
}
