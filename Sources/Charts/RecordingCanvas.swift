/// A canvas that records every call as one line of text, for golden-file tests.
/// Text width is approximated deterministically (0.6 em per character, 0.65 bold), so logs do not
/// depend on the installed fonts.
public final class RecordingCanvas: Canvas {
    public private(set) var log: [String] = []
    public init() {}

    /// The log as one string, one call per line.
    public var text: String { log.joined(separator: "\n") + "\n" }

    public func textWidth(_ text: String, style: TextStyle) -> Double {
        Double(text.count) * style.size * (style.bold ? 0.65 : 0.6)
    }

    public func fillRect(_ rect: Rect, color: Color) {
        log.append("fillRect \(f(rect)) \(color.hex)")
    }

    public func strokeRect(_ rect: Rect, stroke: StrokeStyle) {
        log.append("strokeRect \(f(rect)) \(f(stroke))")
    }

    public func strokePath(_ points: [Point], stroke: StrokeStyle) {
        log.append("strokePath \(f(stroke)) " + points.map(f).joined(separator: " "))
    }

    public func fillPath(_ points: [Point], color: Color) {
        log.append("fillPath \(color.hex) " + points.map(f).joined(separator: " "))
    }

    public func circle(center: Point, radius: Double, fill: Color?, stroke: StrokeStyle?) {
        log.append("circle \(f(center)) r=\(f(radius)) fill=\(fill?.hex ?? "none") stroke=\(stroke.map(f) ?? "none")")
    }

    public func text(_ text: String, at: Point, style: TextStyle, anchor: TextAnchor, baseline: TextBaseline, angle: Double) {
        var line = "text \(f(at)) \(f(style.size))\(style.bold ? "b" : "") \(style.color.hex) \(anchor.rawValue)/\(baseline.rawValue)"
        if angle != 0 { line += " rot=\(f(angle))" }
        log.append(line + " \"\(text)\"")
    }

    public func tooltip(_ text: String, rect: Rect) {
        log.append("tooltip \(f(rect)) \"\(text)\"")
    }

    private func f(_ v: Double) -> String { fmt2(v) }
    private func f(_ p: Point) -> String { "\(fmt2(p.x)),\(fmt2(p.y))" }
    private func f(_ r: Rect) -> String { "[\(fmt2(r.x)),\(fmt2(r.y)) \(fmt2(r.width))x\(fmt2(r.height))]" }
    private func f(_ s: StrokeStyle) -> String {
        "\(s.color.hex) w=\(fmt2(s.width))" + (s.dash.isEmpty ? "" : " dash=" + s.dash.map(fmt2).joined(separator: ","))
    }
}

/// A value with at most two decimals, trailing zeros dropped, never "-0".
func fmt2(_ v: Double) -> String {
    guard v.isFinite else { return "nan" }
    var r = (v * 100).rounded() / 100
    if r == 0 { r = 0 }
    let hundredths = Int((r * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let a = abs(hundredths)
    let whole = a / 100, frac = a % 100
    if frac == 0 { return "\(sign)\(whole)" }
    if frac % 10 == 0 { return "\(sign)\(whole).\(frac / 10)" }
    return "\(sign)\(whole).\(frac < 10 ? "0" : "")\(frac)"
}
