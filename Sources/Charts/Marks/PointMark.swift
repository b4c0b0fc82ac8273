/// A dot, optionally ringed in white so it stands out on a line.
public struct PointMark: Mark {
    public var center: Point
    public var radius: Double
    public var color: Color
    public var ring: Bool
    public init(center: Point, radius: Double, color: Color, ring: Bool = false) {
        self.center = center; self.radius = radius; self.color = color; self.ring = ring
    }

    public func draw(on canvas: any Canvas) {
        guard center.x.isFinite, center.y.isFinite else { return }
        canvas.circle(center: center, radius: radius, fill: color, stroke: ring ? StrokeStyle(color: .white, width: 1.5) : nil)
    }
}
