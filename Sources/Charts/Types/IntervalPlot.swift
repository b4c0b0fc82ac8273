import Formatting

/// What an interval says about an effect.
public enum Verdict: Sendable {
    case positive, negative, noEffect

    var color: Color {
        switch self {
        case .positive: return Palette.positive
        case .negative: return Palette.negative
        case .noEffect: return Palette.neutral
        }
    }
}

/// One row of a forest plot: an estimate and its 95% interval (nil estimate = not measurable).
public struct IntervalRow: Sendable {
    public var label: String
    public var estimate: Double?
    public var low: Double?
    public var high: Double?
    public var verdict: Verdict
    public init(label: String, estimate: Double?, low: Double?, high: Double?, verdict: Verdict) {
        self.label = label; self.estimate = estimate; self.low = low; self.high = high; self.verdict = verdict
    }
}

/// A forest plot: per row a point at the estimate and a line over its 95% interval, coloured by
/// verdict (green positive, vermillion negative, grey no effect), with a zero line and the
/// estimate written at the right. `.percent` values are differences of rates and print as
/// percentage points.
public func intervalPlot(id: String, title: String, subtitle: String?, rows: [IntervalRow], value: ValueKind,
                         format: NumberFormat, size: ChartSize? = nil) -> RenderedChart {
    makeIntervalPlot(id: id, title: title, subtitle: subtitle, rows: rows, value: value, format: format, size: size).render()
}

/// The chart behind `intervalPlot`. Default height grows with the number of rows.
public func makeIntervalPlot(id: String, title: String, subtitle: String?, rows: [IntervalRow], value: ValueKind,
                             format f: NumberFormat, size: ChartSize? = nil) -> Chart {
    let s = Strings(f.locale)
    let en = f.locale == .en
    let size = size ?? ChartSize(width: 880, height: max(180, 124 + 34 * rows.count))
    @Sendable func label(_ v: Double) -> String { value == .percent ? f.points(v) : value.label(v, f) }
    @Sendable func verdictText(_ v: Verdict) -> String { v == .positive ? s.positive : v == .negative ? s.negative : s.noEffect }
    let tableRows = rows.map { r in
        [r.label, finite(r.estimate).map(label) ?? NumberFormat.missing, finite(r.low).map(label) ?? NumberFormat.missing,
         finite(r.high).map(label) ?? NumberFormat.missing, finite(r.estimate) == nil ? (en ? "not measurable" : "не измеримо") : verdictText(r.verdict)]
    }
    let measurable = rows.filter { finite($0.estimate) != nil }
    let np = measurable.filter { $0.verdict == .positive }.count
    let nn = measurable.filter { $0.verdict == .negative }.count
    let nz = measurable.count - np - nn
    let alt = measurable.isEmpty ? (en ? "\(title): no data." : "\(title): нет данных.")
        : en ? "\(title): of \(rows.count) rows, \(np) positive, \(nn) negative and \(nz) with no effect detected at 95% confidence."
             : "\(title): из \(rows.count) строк положительный эффект у \(np), отрицательный у \(nn), эффект не обнаружен у \(nz) (95% доверительный интервал)."
    let present = [Verdict.positive, .negative, .noEffect].filter { v in measurable.contains { $0.verdict == v } }
    let legend = present.map { LegendItem(label: verdictText($0), color: $0.color, shape: .point) }
    return Chart(id: id, size: size, title: title, subtitle: subtitle, legend: legend, altText: alt,
                 table: ChartTable(headers: [s.category, s.estimate, s.ciLow, s.ciHigh, s.verdict], rows: tableRows)) { area, canvas in
        let ext = rows.flatMap { [finite($0.estimate), finite($0.low), finite($0.high)] }.compactMap { $0 }
        guard !measurable.isEmpty, let (lo, hi) = LinearScale.extent(ext + [0]) else {
            drawNoData(canvas, in: area, locale: f.locale)
            return
        }
        let rowStyle = TextStyle(size: 12.5)
        let estStyle = TextStyle(size: 12.5, bold: true)
        let ciStyle = TextStyle(size: 11.5, color: Palette.mutedText)
        let labelW = min(area.width * 0.3, rows.map { canvas.textWidth($0.label, style: rowStyle) }.max() ?? 0)
        let estTexts = rows.map { r in finite(r.estimate).map(label) ?? (en ? "not measurable" : "не измеримо") }
        let ciTexts = rows.map { r -> String in
            guard let l = finite(r.low), let h = finite(r.high) else { return "" }
            return "[\(label(l)); \(label(h))]"
        }
        let rightW = max(estTexts.map { canvas.textWidth($0, style: estStyle) }.max() ?? 0,
                         ciTexts.map { canvas.textWidth($0, style: ciStyle) }.max() ?? 0) + 12
        let maxTicks = area.width < 500 ? 4 : 7
        var (x, ticks) = LinearScale.nice(lo, hi, includeZero: true, maxTicks: maxTicks, range: (0, 1))
        let tickLabels = value == .percent ? value.tickLabels(ticks, f).map { $0.replacingOccurrences(of: "%", with: "").trimmingTrailingSpaces() + (en ? "\u{00A0}pp" : "\u{00A0}п.\u{00A0}п.") }
                                           : value.tickLabels(ticks, f)
        let axis = ValueAxis(ticks: ticks, labels: tickLabels)
        let plot = area.inset(top: 4, left: labelW + 12, bottom: 24, right: rightW)
        x.range = (plot.x, plot.maxX)
        axis.drawBottom(canvas, scale: x, plot: plot)
        RuleMark(from: Point(x: x(0), y: plot.y), to: Point(x: x(0), y: plot.maxY), stroke: StrokeStyle(color: Palette.text, width: 1.2)).draw(on: canvas)
        let band = BandScale(count: rows.count, range: (plot.y, plot.maxY), paddingInner: 0, paddingOuter: 0)
        for (i, r) in rows.enumerated() {
            let cy = band.center(i)
            TextMark(r.label, at: Point(x: plot.x - 10, y: cy), style: rowStyle, anchor: .end, baseline: .middle, maxWidth: labelW).draw(on: canvas)
            guard let e = finite(r.estimate) else {
                canvas.text(estTexts[i], at: Point(x: plot.maxX + 10, y: cy), style: ciStyle, baseline: .middle)
                continue
            }
            let color = r.verdict.color
            if let l = finite(r.low), let h = finite(r.high) {
                let stroke = StrokeStyle(color: color, width: 2.5)
                RuleMark(from: Point(x: x(l), y: cy), to: Point(x: x(h), y: cy), stroke: stroke).draw(on: canvas)
                RuleMark(from: Point(x: x(l), y: cy - 5), to: Point(x: x(l), y: cy + 5), stroke: stroke).draw(on: canvas)
                RuleMark(from: Point(x: x(h), y: cy - 5), to: Point(x: x(h), y: cy + 5), stroke: stroke).draw(on: canvas)
            }
            PointMark(center: Point(x: x(e), y: cy), radius: 5, color: color, ring: true).draw(on: canvas)
            let twoLines = band.step >= 30
            canvas.text(estTexts[i], at: Point(x: plot.maxX + 10, y: twoLines ? cy - 1 : cy), style: TextStyle(size: 12.5, bold: true, color: color == Palette.neutral ? Palette.mutedText : color.mix(.black, 0.25)),
                        anchor: .start, baseline: twoLines ? .bottom : .middle)
            if twoLines {
                canvas.text(ciTexts[i], at: Point(x: plot.maxX + 10, y: cy + 1), style: ciStyle, anchor: .start, baseline: .top)
            }
        }
    }
}
