/// A straight line: gridlines, zero lines, reference lines, interval whiskers.
public struct RuleMark: Mark {
    public var from: Point
    public var to: Point
    public var stroke: StrokeStyle
    public init(from: Point, to: Point, stroke: StrokeStyle) { self.from = from; self.to = to; self.stroke = stroke }

    public func draw(on canvas: any Canvas) {
        guard from.x.isFinite, from.y.isFinite, to.x.isFinite, to.y.isFinite else { return }
        canvas.line(from, to, stroke: stroke)
    }
}
