import Testing
@testable import Charts
import Formatting

@Test func timeSeriesGolden() {
    let chart = makeTimeSeriesChart(id: "ts", title: "Revenue by week", subtitle: "Completed orders",
                                    current: weeks([120_000, 135_500, nil, 150_250, 149_000, .nan]), currentLabel: "2026",
                                    comparison: weeks([100_000, 110_000, 115_000, 120_000, 130_000, 128_000]), comparisonLabel: "2025",
                                    band: [(90_000, 140_000), (95_000, 150_000), (100_000, 150_000), (100_000, 160_000), (110_000, 165_000), (110_000, 170_000)],
                                    value: .money, grain: .week, format: enF)
    expectGolden("timeseries-en", log(chart))
    #expect(chart.table.headers == ["Period", "2026", "2025", "Low", "High"])
    #expect(chart.table.rows[0] == ["25 May 2026", "$120,000", "$100,000", "$90,000", "$140,000"])
    #expect(chart.table.rows[2][1] == "—")
    #expect(chart.altText == "Revenue by week, 25 May 2026 to 29 Jun 2026: latest $149,000 (22 Jun 2026) against $130,000 for 2025; low $120,000, high $150,250.")
}

@Test func timeSeriesRussianMonthly() {
    let start = CivilDate.days(year: 2026, month: 1, day: 1)
    let pts = (0..<6).map { SeriesPoint(day: CivilDate.addingMonths($0, to: start), value: 0.1 + 0.01 * Double($0)) }
    let chart = makeTimeSeriesChart(id: "m", title: "Доля", subtitle: nil, current: pts, currentLabel: "2026",
                                    comparison: nil, comparisonLabel: nil, value: .percent, grain: .month, format: ruF)
    let l = log(chart)
    expectGolden("timeseries-ru-month", l)
    #expect(texts(l).contains("янв 2026"))
    #expect(texts(l).contains("15,0\u{00A0}%"))
}

@Test func timeSeriesEdgeCases() {
    // Empty: explicit "No data", no legend, no crash.
    let empty = makeTimeSeriesChart(id: "e", title: "Empty", subtitle: nil, current: [], currentLabel: "x",
                                    comparison: [], comparisonLabel: "y", value: .count, grain: .week, format: enF)
    #expect(texts(log(empty)).contains("No data"))
    #expect(empty.table.rows.isEmpty)
    let emptyRu = makeTimeSeriesChart(id: "e", title: "Пусто", subtitle: nil, current: [], currentLabel: "x",
                                      comparison: nil, comparisonLabel: nil, value: .count, grain: .week, format: ruF)
    #expect(texts(log(emptyRu)).contains("Нет данных"))
    // All NaN / infinity: no data, nothing non-finite drawn.
    let nans = makeTimeSeriesChart(id: "n", title: "NaN", subtitle: nil, current: weeks([.nan, .infinity, -.infinity]), currentLabel: "x",
                                   comparison: nil, comparisonLabel: nil, value: .count, grain: .week, format: enF)
    let nl = log(nans)
    #expect(texts(nl).contains("No data") && !nl.contains("nan"))
    // One point: drawn as a dot, labelled.
    let one = makeTimeSeriesChart(id: "o", title: "One", subtitle: nil, current: weeks([42]), currentLabel: "x",
                                  comparison: nil, comparisonLabel: nil, value: .count, grain: .week, format: enF)
    let ol = log(one)
    expectGolden("timeseries-one-point", ol)
    #expect(ol.contains("circle") && texts(ol).contains("42"))
    // All zeros: a zero baseline and a flat line, no NaN coordinates.
    let zeros = makeTimeSeriesChart(id: "z", title: "Zeros", subtitle: nil, current: weeks([0, 0, 0, 0]), currentLabel: "x",
                                    comparison: nil, comparisonLabel: nil, value: .money, grain: .week, format: enF)
    let zl = log(zeros)
    expectGolden("timeseries-zeros", zl)
    #expect(!zl.contains("nan") && texts(zl).contains("$0"))
    // A 200-character title and legend label: shortened with an ellipsis, full text kept as a tooltip.
    let long = String(repeating: "Very long label ", count: 13).prefix(200)
    let lc = makeTimeSeriesChart(id: "l", title: String(long), subtitle: nil, current: weeks([1, 2]), currentLabel: String(long),
                                 comparison: nil, comparisonLabel: nil, value: .count, grain: .week, format: enF)
    let ll = log(lc)
    #expect(texts(ll).contains { $0.hasSuffix("…") && $0.count < 100 })
    #expect(ll.contains("tooltip") && ll.contains(String(long)))
    let rendered = lc.render()
    #expect(rendered.svg.contains("<title>\(long)</title>"))
}

@Test func sparklineGoldenAndEdges() {
    let s = makeSparkline(id: "sp", values: [3, 5, 2, nil, 8, 6, 7], value: .count, format: enF)
    expectGolden("sparkline", log(s))
    #expect(s.size == ChartSize(width: 120, height: 32))
    #expect(s.altText == "Trend over 7 periods: from 3 to 7, low 2, high 8.")
    #expect(texts(log(makeSparkline(id: "e", values: [], value: .count, format: ruF))) == ["Нет данных"])
    let one = log(makeSparkline(id: "o", values: [5], value: .count, format: enF))
    #expect(one.contains("circle") && !one.contains("nan"))
    let flat = log(makeSparkline(id: "f", values: [0, 0, 0], value: .count, format: enF))
    #expect(!flat.contains("nan"))
    let nan = log(makeSparkline(id: "n", values: [.nan, 1, .infinity, 2], value: .count, format: enF))
    #expect(!nan.contains("nan"))
    // Two points (the stale share: previous and current period only): a 0.1-point change from 20.9%
    // stays a small step, not a fall from the top to the bottom (y 5 to 28 before). The plot spans
    // y 5...28 (23 px) from 0 at the bottom to 0.209 at the top, so 0.208 sits 23 x 0.001 / 0.209
    // = 0.11 px lower; x 3...113 over 26 periods puts the 25th at 3 + 24/25 x 110 = 108.6.
    let two = log(makeSparkline(id: "t", values: Array(repeating: nil, count: 24) + [0.209, 0.208], value: .percent, format: enF))
    #expect(two.contains("strokePath #595959 w=1.5 108.6,5 113,5.11\n"), "\(two)")
    let r = sparkline(id: "sp", values: [1, 2, 3], value: .money, format: ruF)
    #expect(r.width == 120 && r.height == 32 && r.altText.contains("₽"))
}
