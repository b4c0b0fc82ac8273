/// A horizontal reference line across the plot with a label at its right end (e.g. a target).
public struct ReferenceLine: Mark {
    public var y: Double
    public var xFrom: Double
    public var xTo: Double
    public var label: String
    public var color: Color
    public init(y: Double, xFrom: Double, xTo: Double, label: String, color: Color = Palette.mutedText) {
        self.y = y; self.xFrom = xFrom; self.xTo = xTo; self.label = label; self.color = color
    }

    public func draw(on canvas: any Canvas) {
        guard y.isFinite else { return }
        RuleMark(from: Point(x: xFrom, y: y), to: Point(x: xTo, y: y), stroke: StrokeStyle(color: color, width: 1, dash: [2, 3])).draw(on: canvas)
        canvas.text(label, at: Point(x: xTo, y: y - 4), style: TextStyle(size: 11.5, color: color), anchor: .end, baseline: .bottom)
    }
}

/// A value written next to a point, on a white halo so it stays readable over gridlines.
public struct PointLabel: Mark {
    public var text: String
    public var at: Point
    public var anchor: TextAnchor
    public var style: TextStyle
    public init(_ text: String, at: Point, anchor: TextAnchor = .start, style: TextStyle = TextStyle(size: 12.5, bold: true)) {
        self.text = text; self.at = at; self.anchor = anchor; self.style = style
    }

    public func draw(on canvas: any Canvas) {
        guard at.x.isFinite, at.y.isFinite else { return }
        let w = canvas.textWidth(text, style: style)
        let x0: Double
        switch anchor {
        case .start: x0 = at.x
        case .middle: x0 = at.x - w / 2
        case .end: x0 = at.x - w
        }
        canvas.fillRect(Rect(x: x0 - 2, y: at.y - style.size * 0.65, width: w + 4, height: style.size * 1.3), color: .white)
        canvas.text(text, at: at, style: style, anchor: anchor, baseline: .middle)
    }
}
