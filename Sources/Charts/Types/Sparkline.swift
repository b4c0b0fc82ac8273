import Formatting

/// A word-sized trend line (about 120x32): no axes, the last point marked in blue, the minimum
/// and maximum hinted with small grey dots. The y range spans the data (a sparkline shows shape,
/// not magnitude; the number it accompanies is printed beside it). Fewer than three points have
/// no shape to show, and spanning their own range would draw any change, 0.1 points or 10, from
/// the bottom to the top: their y range reaches zero instead, so a change shows at its size.
public func sparkline(id: String, values: [Double?], value: ValueKind, format: NumberFormat) -> RenderedChart {
    makeSparkline(id: id, values: values, value: value, format: format).render()
}

/// The chart behind `sparkline`.
public func makeSparkline(id: String, values: [Double?], value: ValueKind, format f: NumberFormat,
                          size: ChartSize = ChartSize(width: 120, height: 32)) -> Chart {
    let vals = values.map(finite)
    let s = Strings(f.locale)
    let present = vals.compactMap { $0 }
    let en = f.locale == .en
    let alt: String
    if let first = present.first, let last = present.last, let lo = present.min(), let hi = present.max() {
        alt = en ? "Trend over \(vals.count) periods: from \(value.label(first, f)) to \(value.label(last, f)), low \(value.label(lo, f)), high \(value.label(hi, f))."
                 : "Динамика за \(vals.count) периодов: от \(value.label(first, f)) до \(value.label(last, f)), минимум \(value.label(lo, f)), максимум \(value.label(hi, f))."
    } else {
        alt = en ? "Trend: no data." : "Динамика: нет данных."
    }
    let n = vals.count
    let rows = vals.enumerated().map { i, v in [String(i - n + 1), v.map { value.label($0, f) } ?? NumberFormat.missing] }
    return Chart(id: id, size: size, title: nil, subtitle: nil, altText: alt,
                 table: ChartTable(headers: [s.period, s.value], rows: rows)) { area, canvas in
        guard var (lo, hi) = LinearScale.extent(present) else {
            drawNoData(canvas, in: area, locale: f.locale)
            return
        }
        if present.count < 3 { (lo, hi) = (min(lo, 0), max(hi, 0)) }
        let plot = area.inset(top: 3, left: 1, bottom: 3, right: 5)
        let y = lo == hi ? LinearScale(domain: (lo - 1, hi + 1), range: (plot.maxY, plot.y))
                         : LinearScale(domain: (lo, hi), range: (plot.maxY, plot.y))
        func x(_ i: Int) -> Double { n > 1 ? plot.x + Double(i) / Double(n - 1) * plot.width : plot.midX }
        let points = vals.enumerated().map { i, v in v.map { Point(x: x(i), y: y($0)) } }
        LineMark(points: points, stroke: StrokeStyle(color: Palette.mutedText, width: 1.5)).draw(on: canvas)
        if present.count > 2, lo != hi,
           let iMin = vals.firstIndex(where: { $0 == lo }), let iMax = vals.firstIndex(where: { $0 == hi }) {
            PointMark(center: Point(x: x(iMin), y: y(lo)), radius: 1.8, color: Palette.neutral).draw(on: canvas)
            PointMark(center: Point(x: x(iMax), y: y(hi)), radius: 1.8, color: Palette.neutral).draw(on: canvas)
        }
        if let li = vals.lastIndex(where: { $0 != nil }), let v = vals[li] {
            PointMark(center: Point(x: x(li), y: y(v)), radius: 2.8, color: Palette.current).draw(on: canvas)
        }
    }
}
