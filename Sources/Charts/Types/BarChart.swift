import Formatting

/// One series of a bar chart; `values` follow the chart's categories (nil = no bar).
public struct BarSeries: Sendable {
    public var label: String
    public var values: [Double?]
    public var role: SeriesRole
    public init(label: String, values: [Double?], role: SeriesRole) { self.label = label; self.values = values; self.role = role }
}

/// Several series side by side or on top of each other.
public enum BarLayout: Sendable { case grouped, stacked }

/// Vertical or horizontal bars, grouped or stacked, starting at zero, with value labels where they
/// fit (stacked: segment labels inside, totals at the end). Long category labels are shortened
/// (vertical bars rotate them when bands are narrow).
public func barChart(id: String, title: String, subtitle: String?, categories: [String], series: [BarSeries],
                     orientation: BarMark.Orientation = .vertical, layout: BarLayout = .grouped,
                     value: ValueKind, format: NumberFormat, size: ChartSize = .standard) -> RenderedChart {
    makeBarChart(id: id, title: title, subtitle: subtitle, categories: categories, series: series,
                 orientation: orientation, layout: layout, value: value, format: format, size: size).render()
}

/// The chart behind `barChart`.
public func makeBarChart(id: String, title: String, subtitle: String?, categories: [String], series: [BarSeries],
                         orientation: BarMark.Orientation = .vertical, layout: BarLayout = .grouped,
                         value: ValueKind, format f: NumberFormat, size: ChartSize = .standard) -> Chart {
    let s = Strings(f.locale)
    let en = f.locale == .en
    let n = categories.count
    let vals: [[Double?]] = series.map { ser in (0..<n).map { $0 < ser.values.count ? finite(ser.values[$0]) : nil } }
    let stacked = layout == .stacked && series.count > 1
    @Sendable func total(_ i: Int) -> Double? {
        let xs = vals.compactMap { $0[i] }
        return xs.isEmpty ? nil : xs.reduce(0, +)
    }
    var headers = [s.category] + series.map(\.label)
    if stacked { headers.append(en ? "Total" : "Итого") }
    let rows: [[String]] = (0..<n).map { i in
        var r = [categories[i]] + vals.map { $0[i].map { value.label($0, f) } ?? NumberFormat.missing }
        if stacked { r.append(total(i).map { value.label($0, f) } ?? NumberFormat.missing) }
        return r
    }
    // Alt text about the first series (or totals when stacked).
    let primary: [Double?] = stacked ? (0..<n).map(total) : (vals.first ?? [])
    let alt: String
    let present = primary.enumerated().compactMap { i, v in v.map { (i, $0) } }
    if let hi = present.max(by: { $0.1 < $1.1 }), let lo = present.min(by: { $0.1 < $1.1 }) {
        let what = stacked ? (en ? "total" : "итого") : (series.first?.label ?? "")
        alt = en ? "\(title) (\(what)) across \(n) categories: highest \(categories[hi.0]) at \(value.label(hi.1, f)), lowest \(categories[lo.0]) at \(value.label(lo.1, f))."
                 : "\(title) (\(what)), \(n) категорий: больше всего — \(categories[hi.0]), \(value.label(hi.1, f)); меньше всего — \(categories[lo.0]), \(value.label(lo.1, f))."
    } else {
        alt = en ? "\(title): no data." : "\(title): нет данных."
    }
    let legend = series.count > 1 && !present.isEmpty ? series.map { LegendItem(label: $0.label, color: $0.role.color, shape: .square) } : []

    return Chart(id: id, size: size, title: title, subtitle: subtitle, legend: legend, altText: alt,
                 table: ChartTable(headers: headers, rows: rows)) { area, canvas in
        // Extent: per-bar values (grouped) or positive/negative stacks.
        var ext: [Double] = [0]
        for i in 0..<n {
            if stacked {
                ext.append(vals.compactMap { $0[i] }.filter { $0 > 0 }.reduce(0, +))
                ext.append(vals.compactMap { $0[i] }.filter { $0 < 0 }.reduce(0, +))
            } else {
                ext += vals.compactMap { $0[i] }
            }
        }
        guard n > 0, !present.isEmpty || vals.contains(where: { $0.contains { $0 != nil } }),
              let (lo, hi) = LinearScale.extent(ext) else {
            drawNoData(canvas, in: area, locale: f.locale)
            return
        }
        let labelStyle = TextStyle(size: 12, color: Palette.text)
        let catStyle = TextStyle(size: 12.5, color: Palette.text)
        let axisMax = orientation == .vertical ? (area.height < 220 ? 5 : 6) : (area.width < 500 ? 4 : 7)
        var (scale, ticks) = LinearScale.nice(lo, hi, includeZero: true, maxTicks: axisMax, range: (0, 1))
        let axis = ValueAxis(ticks: ticks, labels: value.tickLabels(ticks, f))
        let groups = stacked ? 1 : max(series.count, 1)

        switch orientation {
        case .vertical:
            // Decide category label layout first: straight if they fit the band, else rotated.
            let left = axis.labelWidth(canvas) + 10
            let approxStep = (area.width - left) / Double(n)
            let widest = categories.map { canvas.textWidth($0, style: catStyle) }.max() ?? 0
            let rotate = widest + 8 > approxStep && approxStep < 70
            let rotatedMax = min(130.0, area.height * 0.35)
            let bottom = rotate ? min(widest, rotatedMax) * 0.71 + 20 : 24
            let plot = area.inset(top: 18, left: left, bottom: bottom, right: 4)
            scale.range = (plot.maxY, plot.y)
            axis.drawLeft(canvas, scale: scale, plot: plot)
            let band = BandScale(count: n, range: (plot.x, plot.maxX), paddingInner: 0.25, paddingOuter: 0.15)
            let barW = band.bandwidth / Double(groups)
            for i in 0..<n {
                var posTop = 0.0, negBottom = 0.0
                for (si, ser) in series.enumerated() {
                    guard let v = vals[si][i] else { continue }
                    let x0 = band.start(i) + (stacked ? 0 : Double(si) * barW)
                    let base: Double
                    if stacked { base = v >= 0 ? posTop : negBottom; if v >= 0 { posTop += v } else { negBottom += v } } else { base = 0 }
                    let mark = BarMark(orientation: .vertical, bandStart: x0, thickness: barW - (stacked || groups == 1 ? 0 : 1),
                                       baseline: scale(base), end: scale(base + v), color: ser.role.color)
                    mark.draw(on: canvas)
                    let label = value.shortLabel(v, f)
                    let lw = canvas.textWidth(label, style: labelStyle)
                    if stacked {
                        if lw + 4 <= barW && mark.rect.height >= 16 {
                            canvas.text(label, at: Point(x: mark.rect.midX, y: mark.rect.midY), style: TextStyle(size: 12, color: ser.role.color.readableText), anchor: .middle, baseline: .middle)
                        }
                    } else if lw <= band.step / Double(groups) - 2 {
                        let y = v >= 0 ? mark.rect.y - 4 : mark.rect.maxY + 4
                        canvas.text(label, at: Point(x: mark.rect.midX, y: y), style: labelStyle, anchor: .middle, baseline: v >= 0 ? .bottom : .top)
                    }
                }
                if stacked, let t = total(i) {
                    let label = value.shortLabel(t, f)
                    if canvas.textWidth(label, style: labelStyle) <= band.step {
                        canvas.text(label, at: Point(x: band.center(i), y: scale(posTop) - 4), style: TextStyle(size: 12, bold: true), anchor: .middle, baseline: .bottom)
                    }
                }
                if rotate {
                    TextMark(categories[i], at: Point(x: band.center(i) + 4, y: plot.maxY + 8), style: catStyle, anchor: .end,
                             baseline: .middle, maxWidth: rotatedMax, angle: -45).draw(on: canvas)
                } else {
                    TextMark(categories[i], at: Point(x: band.center(i), y: plot.maxY + 7), style: catStyle, anchor: .middle,
                             baseline: .top, maxWidth: band.step - 6).draw(on: canvas)
                }
            }
        case .horizontal:
            let catMax = min(area.width * 0.32, (categories.map { canvas.textWidth($0, style: catStyle) }.max() ?? 0))
            let valueLabelRoom = stacked || groups == 1 ? 64.0 : 56.0
            let plot = area.inset(top: 2, left: catMax + 10, bottom: 24, right: valueLabelRoom)
            scale.range = (plot.x, plot.maxX)
            axis.drawBottom(canvas, scale: scale, plot: plot)
            let band = BandScale(count: n, range: (plot.y, plot.maxY), paddingInner: 0.25, paddingOuter: 0.15)
            let barH = band.bandwidth / Double(groups)
            let small = TextStyle(size: min(12, max(11, barH * 0.8)), color: Palette.text)
            for i in 0..<n {
                var posEnd = 0.0, negEnd = 0.0
                for (si, ser) in series.enumerated() {
                    guard let v = vals[si][i] else { continue }
                    let y0 = band.start(i) + (stacked ? 0 : Double(si) * barH)
                    let base: Double
                    if stacked { base = v >= 0 ? posEnd : negEnd; if v >= 0 { posEnd += v } else { negEnd += v } } else { base = 0 }
                    let mark = BarMark(orientation: .horizontal, bandStart: y0, thickness: barH - (stacked || groups == 1 ? 0 : 1),
                                       baseline: scale(base), end: scale(base + v), color: ser.role.color)
                    mark.draw(on: canvas)
                    let label = value.shortLabel(v, f)
                    if stacked {
                        if canvas.textWidth(label, style: small) + 6 <= mark.rect.width && barH >= 13 {
                            canvas.text(label, at: Point(x: mark.rect.midX, y: mark.rect.midY), style: TextStyle(size: small.size, color: ser.role.color.readableText), anchor: .middle, baseline: .middle)
                        }
                    } else if barH >= 11 {
                        let x = v >= 0 ? mark.rect.maxX + 4 : mark.rect.x - 4
                        canvas.text(label, at: Point(x: x, y: mark.rect.midY), style: small, anchor: v >= 0 ? .start : .end, baseline: .middle)
                    }
                }
                if stacked, let t = total(i) {
                    canvas.text(value.shortLabel(t, f), at: Point(x: scale(posEnd) + 4, y: band.center(i)), style: TextStyle(size: 12, bold: true), anchor: .start, baseline: .middle)
                }
                TextMark(categories[i], at: Point(x: plot.x - 8, y: band.center(i)), style: catStyle, anchor: .end,
                         baseline: .middle, maxWidth: catMax).draw(on: canvas)
            }
        }
    }
}
