import Testing
@testable import Charts
import Formatting

let long200 = String(String(repeating: "A very long category label ", count: 8).prefix(200))

@Test func barChartsGolden() {
    let v = makeBarChart(id: "b", title: "Revenue by channel", subtitle: nil, categories: ["Email", "Search", long200],
                         series: [BarSeries(label: "This week", values: [412_000, 388_500, 31_000], role: .current),
                                  BarSeries(label: "Last year", values: [350_000, nil, 12_500], role: .previous)],
                         value: .money, format: enF)
    let l = log(v)
    expectGolden("bars-vertical-grouped", l)
    #expect(l.contains("tooltip") && l.contains(long200))
    #expect(v.table.rows[1] == ["Search", "$388,500", "—"])
    let h = makeBarChart(id: "h", title: "Сделки", subtitle: nil, categories: ["Иванова", "Петров"],
                         series: [BarSeries(label: "Выиграно", values: [42, 37], role: .positive),
                                  BarSeries(label: "Проиграно", values: [20, -5], role: .negative)],
                         orientation: .horizontal, layout: .stacked, value: .count, format: ruF)
    expectGolden("bars-horizontal-stacked-ru", log(h))
    #expect(h.table.headers == ["Категория", "Выиграно", "Проиграно", "Итого"])
    #expect(h.table.rows[1] == ["Петров", "37", "\u{2212}5", "32"])
}

@Test func barChartEdges() {
    #expect(texts(log(makeBarChart(id: "e", title: "E", subtitle: nil, categories: [], series: [], value: .count, format: enF))).contains("No data"))
    let zeros = log(makeBarChart(id: "z", title: "Z", subtitle: nil, categories: ["a", "b"], series: [BarSeries(label: "x", values: [0, 0], role: .current)], value: .count, format: enF))
    #expect(!zeros.contains("nan") && texts(zeros).contains("0"))
    let nan = log(makeBarChart(id: "n", title: "N", subtitle: nil, categories: ["a", "b"], series: [BarSeries(label: "x", values: [.nan, .infinity], role: .current)], value: .count, format: enF))
    #expect(texts(nan).contains("No data") && !nan.contains("nan"))
    let one = log(makeBarChart(id: "o", title: "O", subtitle: nil, categories: ["a"], series: [BarSeries(label: "x", values: [5], role: .current)], value: .count, format: enF))
    #expect(one.contains("fillRect") && texts(one).contains("5"))
    // Bars start at zero: the bar's baseline is the zero gridline.
    let pos = makeBarChart(id: "p", title: "P", subtitle: nil, categories: ["a", "b"], series: [BarSeries(label: "x", values: [900, 1000], role: .current)], value: .count, format: enF)
    #expect(texts(log(pos)).contains("0"))
}

@Test func funnelGoldenAndEdges() {
    let c = makeFunnelChart(id: "f", title: "Deal funnel", subtitle: nil,
                            stages: [FunnelStage(label: "Lead", count: 1000), FunnelStage(label: "Qualified", count: 420),
                                     FunnelStage(label: "Proposal", count: 0), FunnelStage(label: long200, count: 0)], format: enF)
    let l = log(c)
    expectGolden("funnel", l)
    #expect(c.table.rows[1] == ["Qualified", "420", "42.0%", "580"])
    #expect(c.table.rows[3][2] == "—")  // 0 / 0: no conversion, never NaN
    #expect(texts(l).contains { $0.contains("42.0% moved on") })
    #expect(!l.contains("nan"))
    #expect(texts(log(makeFunnelChart(id: "e", title: "E", subtitle: nil, stages: [], format: ruF))).contains("Нет данных"))
    #expect(texts(log(makeFunnelChart(id: "z", title: "Z", subtitle: nil, stages: [FunnelStage(label: "a", count: 0)], format: enF))).contains("No data"))
    let one = makeFunnelChart(id: "o", title: "O", subtitle: nil, stages: [FunnelStage(label: "Lead", count: .nan)], format: enF)
    #expect(!log(one).contains("nan"))
}

@Test func cohortHeatmapGoldenAndContrast() {
    let rows = [CohortRow(label: "Jan 2026", size: 800, values: [1, 0.34, 0.28, 0.2]),
                CohortRow(label: "Feb 2026", size: 837, values: [1, 0.35, nil, .nan]),
                CohortRow(label: "Mar 2026", size: 0, values: [nil])]
    let c = makeCohortHeatmap(id: "c", title: "Retention", subtitle: nil, cohorts: rows, value: .percent, grain: .month, format: enF)
    let l = log(c)
    expectGolden("cohorts", l)
    #expect(c.table.headers == ["Cohort", "Size", "Month 0", "Month 1", "Month 2", "Month 3"])
    #expect(c.table.rows[1] == ["Feb 2026", "837", "100.0%", "35.0%", "", ""])
    #expect(!l.contains("nan"))
    // Every cell's text colour keeps 4.5:1 against the cell.
    let lines = l.split(separator: "\n")
    var checked = 0
    for (i, line) in lines.enumerated() where line.hasPrefix("fillRect") && i + 1 < lines.count && lines[i + 1].hasPrefix("text") {
        let fill = Color(hex: UInt32(line.suffix(6), radix: 16)!)
        let parts = lines[i + 1].split(separator: " ")
        let ink = Color(hex: UInt32(parts[3].dropFirst(), radix: 16)!)
        #expect(fill.contrast(with: ink) >= 4.5)
        checked += 1
    }
    #expect(checked >= 6)
    #expect(texts(log(makeCohortHeatmap(id: "e", title: "E", subtitle: nil, cohorts: [], value: .percent, grain: .month, format: enF))).contains("No data"))
}

@Test func textColourContrastAcrossWholeScales() {
    for scale in [ColorScale.sequential(0, 1), ColorScale.diverging(maxAbs: 1)] {
        for i in 0...1000 {
            let v = scale.domain.lo + (scale.domain.hi - scale.domain.lo) * Double(i) / 1000
            let cell = scale(v)
            #expect(cell.contrast(with: cell.readableText) >= 4.5, "\(cell.hex)")
        }
    }
    // The palette's text colours on white.
    #expect(Palette.text.contrast(with: .white) >= 4.5)
    #expect(Palette.mutedText.contrast(with: .white) >= 4.5)
    #expect(abs(Color.black.contrast(with: .white) - 21) < 1e-9)
}

@Test func intervalPlotGoldenAndEdges() {
    let c = makeIntervalPlot(id: "i", title: "Uplift", subtitle: nil,
                             rows: [IntervalRow(label: "Spring", estimate: 0.0068, low: 0.0021, high: 0.0115, verdict: .positive),
                                    IntervalRow(label: "SMS", estimate: -0.004, low: -0.0075, high: -0.0005, verdict: .negative),
                                    IntervalRow(label: long200, estimate: 0.001, low: -0.003, high: 0.005, verdict: .noEffect),
                                    IntervalRow(label: "No control", estimate: nil, low: nil, high: nil, verdict: .noEffect)],
                             value: .percent, format: enF)
    let l = log(c)
    expectGolden("interval", l)
    #expect(c.table.rows[0] == ["Spring", "+0.68\u{00A0}pp", "+0.21\u{00A0}pp", "+1.15\u{00A0}pp", "positive"])
    #expect(c.table.rows[3][4] == "not measurable")
    #expect(c.altText.contains("2 positive") == false && c.altText.contains("1 positive"))
    #expect(texts(l).contains("0.0\u{00A0}pp"))
    #expect(texts(log(makeIntervalPlot(id: "e", title: "E", subtitle: nil, rows: [], value: .percent, format: ruF))).contains("Нет данных"))
}

@Test func histogramGoldenAndEdges() {
    let values: [Double] = [1, 2, 2, 3, 3, 3, 4, 4, 5, 9, 12, .nan, .infinity]
    let c = makeHistogram(id: "h", title: "Days to won", subtitle: nil, values: values, value: .days, format: enF)
    let l = log(c)
    expectGolden("histogram", l)
    let total = c.table.rows.map { Int($0[1])! }.reduce(0, +)
    #expect(total == 11)  // non-finite values are ignored
    #expect(c.altText.contains("median 3.0"))
    #expect(texts(log(makeHistogram(id: "e", title: "E", subtitle: nil, values: [], value: .days, format: enF))).contains("No data"))
    let same = makeHistogram(id: "s", title: "S", subtitle: nil, values: [5, 5, 5], value: .count, format: enF)
    #expect(same.table.rows.map { $0[1] }.contains("3") && !log(same).contains("nan"))
    let zeros = makeHistogram(id: "z", title: "Z", subtitle: nil, values: [0, 0], value: .count, format: enF)
    #expect(!log(zeros).contains("nan"))
}

@Test func rfmGridGoldenAndEdges() {
    let counts = [[820, 310, 120, 40, 12], [610, 290, 150, 60, 25], [400, 330, 210, 120, 70], [260, 280, 240, 190, 150], [180, 210, 230, 260, 390]]
    let c = makeRFMGrid(id: "r", title: "RFM", subtitle: nil, counts: counts, format: ruF)
    let l = log(c)
    expectGolden("rfm-ru", l)
    #expect(c.table.rows[0] == ["R5", "180", "210", "230", "260", "390"])
    #expect(c.table.rows[4][1] == "820")
    #expect(texts(l).contains("Частота (F) →"))
    #expect(texts(log(makeRFMGrid(id: "e", title: "E", subtitle: nil, counts: [], format: enF))).contains("No data"))
}

@Test func everyChartRendersSVGAndPNG() {
    let charts: [Chart] = [
        makeBarChart(id: "b", title: "B", subtitle: nil, categories: ["a"], series: [BarSeries(label: "x", values: [1], role: .current)], value: .count, format: enF),
        makeFunnelChart(id: "f", title: "F", subtitle: nil, stages: [FunnelStage(label: "a", count: 3), FunnelStage(label: "b", count: 1)], format: ruF),
        makeCohortHeatmap(id: "c", title: "C", subtitle: nil, cohorts: [CohortRow(label: "a", size: 3, values: [1, 0.5])], value: .percent, grain: .week, format: enF),
        makeIntervalPlot(id: "i", title: "I", subtitle: nil, rows: [IntervalRow(label: "a", estimate: 1, low: 0, high: 2, verdict: .positive)], value: .money, format: enF),
        makeHistogram(id: "h", title: "H", subtitle: nil, values: [1, 2, 3], value: .count, format: enF),
        makeRFMGrid(id: "r", title: "R", subtitle: nil, counts: [[1]], format: enF),
    ]
    for chart in charts {
        let r = chart.render()
        #expect(r.svg.hasPrefix("<svg ") && r.svg.contains("role=\"img\"") && r.svg.hasSuffix("</svg>\n"))
        #expect(r.png.count > 100)
        #expect(!r.altText.isEmpty && !r.table.headers.isEmpty)
    }
}
