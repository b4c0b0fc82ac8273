/// A polyline through points; nil points are gaps. An isolated point between gaps is drawn as a
/// dot so a one-point series stays visible.
public struct LineMark: Mark {
    public var points: [Point?]
    public var stroke: StrokeStyle
    public init(points: [Point?], stroke: StrokeStyle) { self.points = points; self.stroke = stroke }

    public func draw(on canvas: any Canvas) {
        for segment in contiguousRuns(points) {
            if segment.count == 1 {
                canvas.circle(center: segment[0], radius: max(2.5, stroke.width), fill: stroke.color, stroke: nil)
            } else {
                canvas.strokePath(segment, stroke: stroke)
            }
        }
    }
}

/// Runs of consecutive non-nil points with finite coordinates.
func contiguousRuns(_ points: [Point?]) -> [[Point]] {
    var runs: [[Point]] = []
    var current: [Point] = []
    for p in points {
        if let p, p.x.isFinite, p.y.isFinite { current.append(p) } else if !current.isEmpty { runs.append(current); current = [] }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
}
