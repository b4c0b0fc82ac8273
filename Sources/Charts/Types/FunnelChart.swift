import Formatting

/// One step of a funnel: how many reached it.
public struct FunnelStage: Sendable {
    public var label: String
    public var count: Double
    public init(label: String, count: Double) { self.label = label; self.count = count }
}

/// A funnel: one horizontal bar per stage from zero (so widths compare honestly), the count and
/// share of the first stage at each bar's end, and between bars the step conversion and drop-off.
public func funnelChart(id: String, title: String, subtitle: String?, stages: [FunnelStage],
                        format: NumberFormat, size: ChartSize? = nil) -> RenderedChart {
    makeFunnelChart(id: id, title: title, subtitle: subtitle, stages: stages, format: format, size: size).render()
}

/// The chart behind `funnelChart`. Default height grows with the number of stages.
public func makeFunnelChart(id: String, title: String, subtitle: String?, stages: [FunnelStage],
                            format f: NumberFormat, size: ChartSize? = nil) -> Chart {
    let s = Strings(f.locale)
    let en = f.locale == .en
    let n = stages.count
    let size = size ?? ChartSize(width: 880, height: max(200, 84 + 58 * n))
    let counts = stages.map { $0.count.isFinite ? max(0, $0.count) : 0 }
    @Sendable func step(_ k: Int) -> Double? { k == 0 ? 1 : (counts[k - 1] > 0 ? counts[k] / counts[k - 1] : nil) }
    let rows: [[String]] = (0..<n).map { k in
        [stages[k].label, f.count(counts[k]), step(k).map { f.percent($0) } ?? NumberFormat.missing,
         k == 0 ? NumberFormat.missing : f.count(counts[k - 1] - counts[k])]
    }
    let alt: String
    if n >= 2, let first = counts.first, let last = counts.last, first > 0 {
        let drops = (1..<n).map { counts[$0 - 1] - counts[$0] }
        let worst = drops.indices.max { drops[$0] < drops[$1] } ?? 0
        alt = en ? "\(title): \(f.count(first)) at \(stages[0].label), \(f.count(last)) reached \(stages[n - 1].label) (\(f.percent(last / first)) overall); the largest drop-off, \(f.count(drops[worst])), is between \(stages[worst].label) and \(stages[worst + 1].label)."
                 : "\(title): \(f.count(first)) на этапе «\(stages[0].label)», до этапа «\(stages[n - 1].label)» дошли \(f.count(last)) (\(f.percent(last / first)) от начала); больше всего отсеялось между «\(stages[worst].label)» и «\(stages[worst + 1].label)»: \(f.count(drops[worst]))."
    } else {
        alt = en ? "\(title): no data." : "\(title): нет данных."
    }
    return Chart(id: id, size: size, title: title, subtitle: subtitle, altText: alt,
                 table: ChartTable(headers: [s.stage, s.count, s.stepConversion, s.dropOff], rows: rows)) { area, canvas in
        guard n > 0, let maxCount = counts.max(), maxCount > 0 else {
            drawNoData(canvas, in: area, locale: f.locale)
            return
        }
        let catStyle = TextStyle(size: 13, bold: true)
        let valueStyle = TextStyle(size: 12.5)
        let noteStyle = TextStyle(size: 12, color: Palette.mutedText)
        let labelWidth = min(area.width * 0.28, stages.map { canvas.textWidth($0.label, style: catStyle) }.max() ?? 0)
        let valueRoom = counts.map { canvas.textWidth(f.count($0) + " · " + f.percent(1), style: valueStyle) }.max() ?? 0
        let plot = area.inset(top: 0, left: labelWidth + 12, bottom: 0, right: valueRoom + 10)
        let x = LinearScale(domain: (0, maxCount), range: (plot.x, plot.maxX))
        let rowH = plot.height / Double(n)
        let barH = min(30, rowH * 0.52)
        for k in 0..<n {
            let top = plot.y + Double(k) * rowH
            let mark = BarMark(orientation: .horizontal, bandStart: top, thickness: barH, baseline: x(0), end: x(counts[k]),
                               color: k == n - 1 ? Palette.positive : Palette.current)
            mark.draw(on: canvas)
            if counts[k] == 0 {
                RuleMark(from: Point(x: x(0), y: top), to: Point(x: x(0), y: top + barH), stroke: StrokeStyle(color: Palette.axis, width: 1)).draw(on: canvas)
            }
            TextMark(stages[k].label, at: Point(x: plot.x - 10, y: top + barH / 2), style: catStyle, anchor: .end,
                     baseline: .middle, maxWidth: labelWidth).draw(on: canvas)
            let share = counts[0] > 0 ? " · " + f.percent(counts[k] / counts[0]) : ""
            canvas.text(f.count(counts[k]) + share, at: Point(x: mark.rect.maxX + 6, y: top + barH / 2), style: valueStyle, anchor: .start, baseline: .middle)
            if k + 1 < n && counts[k] > 0 {
                let conv = step(k + 1).map { f.percent($0) } ?? NumberFormat.missing
                let drop = counts[k] - counts[k + 1]
                let dropText = drop > 0 ? NumberFormat.minus + f.count(drop) : f.count(0)
                let note = en ? "↓ \(conv) moved on · \(dropText) dropped"
                              : "↓ \(conv) перешли дальше · \(dropText) отсеялось"
                let gapMid = top + barH + (rowH - barH) / 2
                TextMark(note, at: Point(x: plot.x + 4, y: gapMid), style: noteStyle, baseline: .middle,
                         maxWidth: area.maxX - plot.x - 4).draw(on: canvas)
            }
        }
    }
}
