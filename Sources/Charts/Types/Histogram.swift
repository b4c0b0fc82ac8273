import Foundation
import Formatting

/// A histogram: values counted into equal, nicely rounded bins (about 10–15, or `binWidth`), drawn as
/// adjacent bars from zero, with the median marked. Non-finite values are ignored.
public func histogram(id: String, title: String, subtitle: String?, values: [Double], value: ValueKind,
                      binWidth: Double? = nil, format: NumberFormat, size: ChartSize = .standard) -> RenderedChart {
    makeHistogram(id: id, title: title, subtitle: subtitle, values: values, value: value, binWidth: binWidth, format: format, size: size).render()
}

/// Bin edges for `values`: nice edges covering the data.
func histogramEdges(_ lo: Double, _ hi: Double, binWidth: Double?) -> [Double] {
    if let w = binWidth, w > 0, w.isFinite {
        let first = floor(lo / w), last = max(first + 1, floor(hi / w) + 1)
        let count = min(Int(last - first), 200)
        return (0...count).map { (first + Double($0)) * w }
    }
    if lo == hi {
        let t = NiceTicks.ticks(lo - 0.5, hi + 0.5, maxCount: 3)
        return t
    }
    return NiceTicks.ticks(lo, hi + (hi - lo) * 1e-9, maxCount: 16)
}

/// The chart behind `histogram`.
public func makeHistogram(id: String, title: String, subtitle: String?, values: [Double], value: ValueKind,
                          binWidth: Double? = nil, format f: NumberFormat, size: ChartSize = .standard) -> Chart {
    let s = Strings(f.locale)
    let en = f.locale == .en
    let data = values.filter(\.isFinite).sorted()
    var edges: [Double] = []
    var counts: [Int] = []
    if let lo = data.first, let hi = data.last {
        edges = histogramEdges(lo, hi, binWidth: binWidth)
        counts = Array(repeating: 0, count: max(edges.count - 1, 1))
        for v in data {
            // Bins are [a, b); the last bin also holds its upper edge.
            var i = edges.lastIndex { $0 <= v } ?? 0
            i = min(i, counts.count - 1)
            counts[i] += 1
        }
    }
    func median() -> Double? {
        guard !data.isEmpty else { return nil }
        let m = Double(data.count - 1) / 2
        return (data[Int(floor(m))] + data[Int(ceil(m))]) / 2
    }
    let med = median()
    let edgesC = edges, countsC = counts
    let digits = ValueKind.decimal.decimalsFor(edges)
    @Sendable func edgeLabel(_ v: Double) -> String { value == .percent ? f.percent(v) : value == .money ? f.compactMoney(v) : f.decimal(v, digits: digits) }
    let rows = counts.indices.map { i in ["\(edgeLabel(edges[i]))–\(edgeLabel(edges[i + 1]))", f.count(Double(counts[i]))] }
    let alt: String
    if let med, let top = counts.indices.max(by: { counts[$0] < counts[$1] }) {
        alt = en ? "\(title): \(f.count(Double(data.count))) values, median \(value.label(med, f)); the most common range is \(rows[top][0]) with \(f.count(Double(counts[top])))."
                 : "\(title): \(f.count(Double(data.count))) значений, медиана \(value.label(med, f)); чаще всего \(rows[top][0]): \(f.count(Double(counts[top])))."
    } else {
        alt = en ? "\(title): no data." : "\(title): нет данных."
    }
    return Chart(id: id, size: size, title: title, subtitle: subtitle, altText: alt,
                 table: ChartTable(headers: [s.range, s.count], rows: rows)) { area, canvas in
        guard let med, let lo = edgesC.first, let hi = edgesC.last else {
            drawNoData(canvas, in: area, locale: f.locale)
            return
        }
        var (y, yTicks) = LinearScale.nice(0, Double(countsC.max() ?? 1), includeZero: true, maxTicks: 6, range: (0, 1))
        let yAxis = ValueAxis(ticks: yTicks.filter { $0 == $0.rounded() }, labels: ValueKind.count.tickLabels(yTicks.filter { $0 == $0.rounded() }, f))
        let plot = area.inset(top: 18, left: yAxis.labelWidth(canvas) + 10, bottom: 24, right: 12)
        y.range = (plot.maxY, plot.y)
        yAxis.drawLeft(canvas, scale: y, plot: plot)
        let x = LinearScale(domain: (lo, hi), range: (plot.x, plot.maxX))
        for i in countsC.indices where countsC[i] > 0 {
            BarMark(orientation: .vertical, bandStart: x(edgesC[i]) + 0.5, thickness: max(1, x(edgesC[i + 1]) - x(edgesC[i]) - 1),
                    baseline: y(0), end: y(Double(countsC[i])), color: Palette.current).draw(on: canvas)
        }
        // Edge labels below, thinned so they never touch.
        let style = ValueAxis.style
        let labels = edgesC.map(edgeLabel)
        let widest = labels.map { canvas.textWidth($0, style: style) }.max() ?? 0
        let binPx = edgesC.count > 1 ? x(edgesC[1]) - x(edgesC[0]) : plot.width
        var every = 1
        while Double(every) * binPx < widest + 10 && every < edgesC.count { every += 1 }
        var items: [(x: Double, label: String)] = []
        for i in stride(from: 0, to: edgesC.count, by: every) {
            RuleMark(from: Point(x: x(edgesC[i]), y: plot.maxY), to: Point(x: x(edgesC[i]), y: plot.maxY + 4), stroke: StrokeStyle(color: Palette.axis)).draw(on: canvas)
            items.append((x(edgesC[i]), labels[i]))
        }
        drawXLabels(canvas, items, y: plot.maxY + 7, bounds: area, style: style)
        // Median reference.
        let mx = x(med)
        RuleMark(from: Point(x: mx, y: plot.y - 4), to: Point(x: mx, y: plot.maxY), stroke: StrokeStyle(color: Palette.text, width: 1.2, dash: [4, 3])).draw(on: canvas)
        let medLabel = (en ? "median " : "медиана ") + value.shortLabel(med, f)
        let mw = canvas.textWidth(medLabel, style: TextStyle(size: 12, bold: true))
        let anchorRight = mx + 4 + mw > plot.maxX
        PointLabel(medLabel, at: Point(x: anchorRight ? mx - 4 : mx + 4, y: plot.y - 6), anchor: anchorRight ? .end : .start,
                   style: TextStyle(size: 12, bold: true)).draw(on: canvas)
    }
}

extension ValueKind {
    /// Fraction digits that print every edge distinctly (0 for whole-number edges).
    func decimalsFor(_ edges: [Double]) -> Int {
        for d in 0...4 {
            let scale = pow(10, Double(d))
            if edges.allSatisfy({ abs($0 * scale - ($0 * scale).rounded()) < 1e-6 }) { return d }
        }
        return 4
    }
}
