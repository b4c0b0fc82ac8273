import Formatting

/// A time series: the current series solid, an optional comparison dashed underneath (its points
/// ALREADY shifted onto the current buckets, e.g. the same weeks a year earlier), and an optional
/// band (low/high per current point, e.g. an expected range). The y axis starts at zero (or below
/// for negative data); the latest value is labelled at the right end. Gaps (nil, NaN, ±∞) break lines.
public func timeSeriesChart(id: String, title: String, subtitle: String?, current: [SeriesPoint], currentLabel: String,
                            comparison: [SeriesPoint]?, comparisonLabel: String?, band: [(low: Double, high: Double)]? = nil,
                            value: ValueKind, grain: TimeGrain, format: NumberFormat) -> RenderedChart {
    makeTimeSeriesChart(id: id, title: title, subtitle: subtitle, current: current, currentLabel: currentLabel,
                        comparison: comparison, comparisonLabel: comparisonLabel, band: band, value: value,
                        grain: grain, format: format).render()
}

/// `timeSeriesChart` at a chosen size (e.g. `.narrow` for phones).
public func timeSeriesChart(id: String, title: String, subtitle: String?, current: [SeriesPoint], currentLabel: String,
                            comparison: [SeriesPoint]?, comparisonLabel: String?, band: [(low: Double, high: Double)]? = nil,
                            value: ValueKind, grain: TimeGrain, format: NumberFormat, size: ChartSize) -> RenderedChart {
    makeTimeSeriesChart(id: id, title: title, subtitle: subtitle, current: current, currentLabel: currentLabel,
                        comparison: comparison, comparisonLabel: comparisonLabel, band: band, value: value,
                        grain: grain, format: format, size: size).render()
}

func finite(_ v: Double?) -> Double? {
    guard let v, v.isFinite else { return nil }
    return v
}

/// The chart behind `timeSeriesChart`, for drawing on any canvas.
public func makeTimeSeriesChart(id: String, title: String, subtitle: String?, current: [SeriesPoint], currentLabel: String,
                                comparison: [SeriesPoint]?, comparisonLabel: String?, band: [(low: Double, high: Double)]? = nil,
                                value: ValueKind, grain: TimeGrain, format f: NumberFormat,
                                size: ChartSize = .standard) -> Chart {
    let s = Strings(f.locale)
    let cur = current.sorted { $0.day < $1.day }
    let compByDay = Dictionary((comparison ?? []).map { ($0.day, $0.value) }, uniquingKeysWith: { a, _ in a })
    let bandSorted: [(low: Double, high: Double)]? = band.map { b in
        // Band entries follow `current`'s order; re-order with the sort.
        let order = current.indices.sorted { current[$0].day < current[$1].day }
        return order.compactMap { $0 < b.count ? b[$0] : nil }
    }
    let comp: [Double?] = cur.map { finite(compByDay[$0.day] ?? nil) }
    let curValues: [Double?] = cur.map { finite($0.value) }
    let hasComparison = comparison != nil && comp.contains { $0 != nil }
    let compLabel = comparisonLabel ?? ""

    let anyData = curValues.contains { $0 != nil } || hasComparison
    var legend = anyData ? [LegendItem(label: currentLabel, color: Palette.current, shape: .line)] : []
    if comparison != nil && anyData { legend.append(LegendItem(label: compLabel, color: Palette.previous, shape: .dashedLine)) }
    if band != nil && anyData { legend.append(LegendItem(label: f.locale == .en ? "Expected range" : "Ожидаемый диапазон", color: Palette.band, shape: .square)) }

    // Table and alt text.
    func dayLabel(_ d: Int) -> String { grain == .month ? f.month(day: d) : f.date(day: d) }
    var headers = [s.period, currentLabel]
    if comparison != nil { headers.append(compLabel) }
    if band != nil { headers += [s.low, s.high] }
    var rows: [[String]] = []
    for (i, p) in cur.enumerated() {
        var row = [dayLabel(p.day), curValues[i].map { value.label($0, f) } ?? NumberFormat.missing]
        if comparison != nil { row.append(comp[i].map { value.label($0, f) } ?? NumberFormat.missing) }
        if let b = bandSorted {
            row.append(i < b.count ? value.label(b[i].low, f) : NumberFormat.missing)
            row.append(i < b.count ? value.label(b[i].high, f) : NumberFormat.missing)
        }
        rows.append(row)
    }
    let alt = timeSeriesAlt(title: title, days: cur.map(\.day), values: curValues, comp: hasComparison ? comp : nil,
                            compLabel: compLabel, value: value, grain: grain, f: f)

    return Chart(id: id, size: size, title: title, subtitle: subtitle, legend: legend, altText: alt,
                 table: ChartTable(headers: headers, rows: rows)) { area, canvas in
        let present = curValues.compactMap { $0 } + comp.compactMap { $0 }
        let bandValues = (bandSorted ?? []).flatMap { [$0.low, $0.high] }.filter(\.isFinite)
        guard let (lo, hi) = LinearScale.extent(present + bandValues), !present.isEmpty else {
            drawNoData(canvas, in: area, locale: f.locale)
            return
        }
        let yStyle = ValueAxis.style
        let maxTicks = area.height < 200 ? 5 : 6
        var (yScale, ticks) = LinearScale.nice(lo, hi, includeZero: true, maxTicks: maxTicks, range: (0, 1))
        let axis = ValueAxis(ticks: ticks, labels: value.tickLabels(ticks, f))
        let lastIndex = curValues.lastIndex { $0 != nil }
        let lastLabel = lastIndex.map { value.shortLabel(curValues[$0]!, f) } ?? ""
        let lastStyle = TextStyle(size: 12.5, bold: true, color: Palette.current)
        let rightPad = lastIndex != nil ? canvas.textWidth(lastLabel, style: lastStyle) + 14 : 8
        let plot = area.inset(top: 6, left: axis.labelWidth(canvas) + 10, bottom: 24, right: rightPad)
        yScale.range = (plot.maxY, plot.y)
        let xScale = TimeScale(first: cur.first?.day ?? 0, last: cur.last?.day ?? 0, range: (plot.x, plot.maxX))
        axis.drawLeft(canvas, scale: yScale, plot: plot)
        let xs = cur.map { xScale($0.day) }

        if let b = bandSorted {
            AreaMark(x: xs, low: b.map { finite($0.low).map { yScale($0) } }, high: b.map { finite($0.high).map { yScale($0) } },
                     color: Palette.band).draw(on: canvas)
        }
        if hasComparison {
            LineMark(points: zip(xs, comp).map { x, v in v.map { Point(x: x, y: yScale($0)) } },
                     stroke: StrokeStyle(color: Palette.previous, width: 2, dash: [6, 4])).draw(on: canvas)
        }
        LineMark(points: zip(xs, curValues).map { x, v in v.map { Point(x: x, y: yScale($0)) } },
                 stroke: StrokeStyle(color: Palette.current, width: 2.5)).draw(on: canvas)

        // x labels and tick marks.
        let xTicks = xScale.ticks(buckets: cur.map(\.day), grain: grain, format: f, canvas: canvas, style: yStyle)
        for t in xTicks {
            RuleMark(from: Point(x: xScale(t.day), y: plot.maxY), to: Point(x: xScale(t.day), y: plot.maxY + 4),
                     stroke: StrokeStyle(color: Palette.axis, width: 1)).draw(on: canvas)
        }
        drawXLabels(canvas, xTicks.map { (xScale($0.day), $0.label) }, y: plot.maxY + 7,
                    bounds: Rect(x: area.x, y: area.y, width: area.width, height: area.height), style: yStyle)

        if let li = lastIndex, let v = curValues[li] {
            let p = Point(x: xs[li], y: yScale(v))
            PointMark(center: p, radius: 4, color: Palette.current, ring: true).draw(on: canvas)
            PointLabel(lastLabel, at: Point(x: p.x + 8, y: p.y), style: lastStyle).draw(on: canvas)
        }
    }
}

func timeSeriesAlt(title: String, days: [Int], values: [Double?], comp: [Double?]?, compLabel: String,
                   value: ValueKind, grain: TimeGrain, f: NumberFormat) -> String {
    let en = f.locale == .en
    func d(_ day: Int) -> String { grain == .month ? f.month(day: day) : f.date(day: day) }
    guard let li = values.lastIndex(where: { $0 != nil }), let last = values[li], let first = days.first, let end = days.last else {
        return en ? "\(title): no data." : "\(title): нет данных."
    }
    let present = values.compactMap { $0 }
    let lo = present.min() ?? last, hi = present.max() ?? last
    var s = en ? "\(title), \(d(first)) to \(d(end)): latest \(value.label(last, f)) (\(d(days[li])))"
                : "\(title), с \(d(first)) по \(d(end)): последнее значение \(value.label(last, f)) (\(d(days[li])))"
    if let comp, li < comp.count, let c = comp[li] {
        s += en ? " against \(value.label(c, f)) for \(compLabel)" : ", \(compLabel): \(value.label(c, f))"
    }
    if present.count > 1 {
        s += en ? "; low \(value.label(lo, f)), high \(value.label(hi, f))." : "; минимум \(value.label(lo, f)), максимум \(value.label(hi, f))."
    } else {
        s += "."
    }
    return s
}
