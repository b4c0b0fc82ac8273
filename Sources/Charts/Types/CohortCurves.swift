import Formatting

/// One line per cohort over its period indexes (e.g. cumulative LTV), from zero: older cohorts
/// light, newer ones dark, so a later cohort climbing faster than its elders is visible at a
/// glance. The legend names the oldest and newest; every value is in the table.
public func cohortCurves(id: String, title: String, subtitle: String?, cohorts: [CohortRow], value: ValueKind,
                         grain: TimeGrain, format: NumberFormat, size: ChartSize = .standard) -> RenderedChart {
    makeCohortCurves(id: id, title: title, subtitle: subtitle, cohorts: cohorts, value: value, grain: grain, format: format, size: size).render()
}

/// The chart behind `cohortCurves`.
public func makeCohortCurves(id: String, title: String, subtitle: String?, cohorts: [CohortRow], value: ValueKind,
                             grain: TimeGrain, format f: NumberFormat, size: ChartSize = .standard) -> Chart {
    let en = f.locale == .en
    let columns = cohorts.map(\.values.count).max() ?? 0
    let cells: [[Double?]] = cohorts.map { c in c.values.map { finite($0) } }
    let unit = periodUnit(grain, f.locale)
    let table = cohortTable(cohorts, cells: cells, value: value, grain: grain, format: f)
    let colors = ColorScale.sequential(-0.35, 1)
    @Sendable func color(_ i: Int) -> Color { colors(cohorts.count > 1 ? Double(i) / Double(cohorts.count - 1) : 1) }
    let drawn = cohorts.indices.filter { cells[$0].contains { $0 != nil } }
    var legend: [LegendItem] = []
    if let a = drawn.first { legend.append(LegendItem(label: cohorts[a].label, color: color(a), shape: .line)) }
    if let b = drawn.last, b != drawn.first { legend.append(LegendItem(label: cohorts[b].label, color: color(b), shape: .line)) }
    // Alt text: the highest value at the latest period every drawn cohort reached.
    var alt = en ? "\(title): no data." : "\(title): нет данных."
    let ends = drawn.compactMap { i -> (Int, Int, Double)? in
        guard let k = cells[i].lastIndex(where: { $0 != nil }), let v = cells[i][k] else { return nil }
        return (i, k, v)
    }
    if let top = ends.max(by: { $0.2 < $1.2 }) {
        alt = en ? "\(title): \(drawn.count) cohorts; the highest, \(cohorts[top.0].label), reaches \(value.label(top.2, f)) by \(unit.lowercased()) \(top.1)."
                 : "\(title): \(drawn.count) когорт; выше всех \(cohorts[top.0].label): \(value.label(top.2, f)) к периоду \(top.1)."
    }
    return Chart(id: id, size: size, title: title, subtitle: subtitle, legend: legend, altText: alt,
                 table: table) { area, canvas in
        let all = cells.flatMap { $0 }.compactMap { $0 }
        guard columns > 0, let (lo, hi) = LinearScale.extent(all) else {
            drawNoData(canvas, in: area, locale: f.locale)
            return
        }
        var (yScale, ticks) = LinearScale.nice(lo, hi, includeZero: true, maxTicks: area.height < 200 ? 5 : 6, range: (0, 1))
        let axis = ValueAxis(ticks: ticks, labels: value.tickLabels(ticks, f))
        let plot = area.inset(top: 6, left: axis.labelWidth(canvas) + 10, bottom: 24, right: 12)
        yScale.range = (plot.maxY, plot.y)
        let xScale = LinearScale(domain: (0, Double(max(columns - 1, 1))), range: (plot.x, plot.maxX))
        axis.drawLeft(canvas, scale: yScale, plot: plot)
        for i in drawn {
            LineMark(points: cells[i].enumerated().map { k, v in v.map { Point(x: xScale(Double(k)), y: yScale($0)) } },
                     stroke: StrokeStyle(color: color(i), width: i == drawn.last ? 2.5 : 1.6)).draw(on: canvas)
        }
        // Period indexes below; every other one while they would touch.
        let style = ValueAxis.style
        let step = max(1, Int((Double(columns) * 28 / plot.width).rounded(.up)))
        drawXLabels(canvas, stride(from: 0, to: columns, by: step).map { (xScale(Double($0)), String($0)) }, y: plot.maxY + 7,
                    bounds: area, style: style)
    }
}
