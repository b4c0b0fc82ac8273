/// A drawing surface. Marks and axes draw only through this protocol, so tests can record the
/// calls (`RecordingCanvas`) and production renders them with Cairo (`CairoCanvas`).
public protocol Canvas: AnyObject {
    /// Advance width of `text` in pixels, in DejaVu Sans at `style.size`.
    func textWidth(_ text: String, style: TextStyle) -> Double
    func fillRect(_ rect: Rect, color: Color)
    func strokeRect(_ rect: Rect, stroke: StrokeStyle)
    /// An open polyline.
    func strokePath(_ points: [Point], stroke: StrokeStyle)
    /// A closed filled polygon.
    func fillPath(_ points: [Point], color: Color)
    func circle(center: Point, radius: Double, fill: Color?, stroke: StrokeStyle?)
    /// Draws `text` at `at`, aligned by `anchor` / `baseline`, rotated by `angle` degrees
    /// (clockwise, around the anchor point).
    func text(_ text: String, at: Point, style: TextStyle, anchor: TextAnchor, baseline: TextBaseline, angle: Double)
    /// Attaches a hover title (the full text of a shortened label) to an area; SVG only.
    func tooltip(_ text: String, rect: Rect)
}

extension Canvas {
    public func text(_ text: String, at: Point, style: TextStyle, anchor: TextAnchor = .start, baseline: TextBaseline = .alphabetic) {
        self.text(text, at: at, style: style, anchor: anchor, baseline: baseline, angle: 0)
    }

    public func line(_ a: Point, _ b: Point, stroke: StrokeStyle) {
        strokePath([a, b], stroke: stroke)
    }

    /// `text` shortened with "…" to fit `maxWidth`; the full text goes into a tooltip when cut.
    /// Returns the string drawn.
    @discardableResult
    public func fittedText(_ text: String, at: Point, maxWidth: Double, style: TextStyle,
                           anchor: TextAnchor = .start, baseline: TextBaseline = .alphabetic, angle: Double = 0) -> String {
        let shown = ellipsize(text, maxWidth: maxWidth, style: style)
        self.text(shown, at: at, style: style, anchor: anchor, baseline: baseline, angle: angle)
        if shown != text {
            let w = textWidth(shown, style: style)
            let x: Double
            switch anchor {
            case .start: x = at.x
            case .middle: x = at.x - w / 2
            case .end: x = at.x - w
            }
            let top = at.y + baseline.baselineOffset(size: style.size) - style.size * 0.9
            if angle == 0 {
                tooltip(text, rect: Rect(x: x, y: top, width: w, height: style.size * 1.2))
            } else {
                // Rotated labels: a square around the anchor is a good enough hover target.
                tooltip(text, rect: Rect(x: at.x - w * 0.75, y: at.y - style.size, width: w * 0.75 + style.size, height: w * 0.75 + style.size))
            }
        }
        return shown
    }

    /// The longest prefix of `text` (plus "…") that fits in `maxWidth`.
    public func ellipsize(_ text: String, maxWidth: Double, style: TextStyle) -> String {
        if textWidth(text, style: style) <= maxWidth { return text }
        let chars = Array(text)
        var lo = 0, hi = chars.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            let candidate = String(chars[0..<mid]).trimmingTrailingSpaces() + "…"
            if textWidth(candidate, style: style) <= maxWidth { lo = mid } else { hi = mid - 1 }
        }
        return lo == 0 ? "…" : String(chars[0..<lo]).trimmingTrailingSpaces() + "…"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let l = s.last, l == " " || l == "\u{00A0}" { s = s.dropLast() }
        return String(s)
    }
}
