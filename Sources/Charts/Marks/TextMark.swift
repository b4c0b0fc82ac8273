/// A label, shortened with "…" to `maxWidth` (full text kept as a hover title).
public struct TextMark: Mark {
    public var text: String
    public var at: Point
    public var style: TextStyle
    public var anchor: TextAnchor
    public var baseline: TextBaseline
    public var maxWidth: Double
    public var angle: Double

    public init(_ text: String, at: Point, style: TextStyle, anchor: TextAnchor = .start,
                baseline: TextBaseline = .alphabetic, maxWidth: Double = .infinity, angle: Double = 0) {
        self.text = text; self.at = at; self.style = style; self.anchor = anchor
        self.baseline = baseline; self.maxWidth = maxWidth; self.angle = angle
    }

    public func draw(on canvas: any Canvas) {
        canvas.fittedText(text, at: at, maxWidth: maxWidth, style: style, anchor: anchor, baseline: baseline, angle: angle)
    }
}
