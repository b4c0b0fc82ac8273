/// A numeric axis: nice ticks, their labels, gridlines and the zero line.
struct ValueAxis {
    let ticks: [Double]
    let labels: [String]
    static let style = TextStyle(size: 12, color: Palette.mutedText)
    static let gridStroke = StrokeStyle(color: Palette.grid, width: 1)
    static let zeroStroke = StrokeStyle(color: Palette.axis, width: 1.2)

    func labelWidth(_ canvas: any Canvas) -> Double {
        labels.map { canvas.textWidth($0, style: Self.style) }.max() ?? 0
    }

    /// Labels left of the plot, horizontal gridlines across it.
    func drawLeft(_ canvas: any Canvas, scale: LinearScale, plot: Rect) {
        for (t, label) in zip(ticks, labels) {
            let y = scale(t)
            RuleMark(from: Point(x: plot.x, y: y), to: Point(x: plot.maxX, y: y), stroke: t == 0 ? Self.zeroStroke : Self.gridStroke).draw(on: canvas)
            canvas.text(label, at: Point(x: plot.x - 8, y: y), style: Self.style, anchor: .end, baseline: .middle)
        }
    }

    /// Labels below the plot, vertical gridlines; every other label is dropped while they would touch.
    func drawBottom(_ canvas: any Canvas, scale: LinearScale, plot: Rect, zeroLine: Bool = true) {
        var every = 1
        let widths = labels.map { canvas.textWidth($0, style: Self.style) }
        if ticks.count > 1 {
            let spacing = abs(scale(ticks[1]) - scale(ticks[0]))
            while every < ticks.count && (widths.max() ?? 0) + 10 > spacing * Double(every) { every += 1 }
        }
        for (i, (t, label)) in zip(ticks, labels).enumerated() {
            let x = scale(t)
            let isZero = t == 0 && zeroLine
            RuleMark(from: Point(x: x, y: plot.y), to: Point(x: x, y: plot.maxY), stroke: isZero ? Self.zeroStroke : Self.gridStroke).draw(on: canvas)
            if i % every == 0 {
                canvas.text(label, at: Point(x: x, y: plot.maxY + 6), style: Self.style, anchor: .middle, baseline: .top)
            }
        }
    }
}

/// Draws centred x labels at given positions, keeping the outermost ones inside `bounds`.
func drawXLabels(_ canvas: any Canvas, _ items: [(x: Double, label: String)], y: Double, bounds: Rect, style: TextStyle) {
    for item in items {
        let w = canvas.textWidth(item.label, style: style)
        var anchor = TextAnchor.middle
        var x = item.x
        if x - w / 2 < bounds.x { anchor = .start; x = max(bounds.x, x - w / 2) }
        if x + w / 2 > bounds.maxX && anchor == .middle { anchor = .end; x = min(bounds.maxX, x + w / 2) }
        canvas.text(item.label, at: Point(x: x, y: y), style: style, anchor: anchor, baseline: .top)
    }
}
