/// A bar from a baseline pixel to a value pixel, vertical or horizontal.
public struct BarMark: Mark {
    public enum Orientation: Sendable { case vertical, horizontal }
    public var orientation: Orientation
    /// Band start and thickness across the bar.
    public var bandStart: Double
    public var thickness: Double
    public var baseline: Double
    public var end: Double
    public var color: Color

    public init(orientation: Orientation, bandStart: Double, thickness: Double, baseline: Double, end: Double, color: Color) {
        self.orientation = orientation; self.bandStart = bandStart; self.thickness = thickness
        self.baseline = baseline; self.end = end; self.color = color
    }

    public var rect: Rect {
        switch orientation {
        case .vertical: return Rect.spanning(Point(x: bandStart, y: baseline), Point(x: bandStart + thickness, y: end))
        case .horizontal: return Rect.spanning(Point(x: baseline, y: bandStart), Point(x: end, y: bandStart + thickness))
        }
    }

    public func draw(on canvas: any Canvas) {
        guard baseline.isFinite, end.isFinite else { return }
        canvas.fillRect(rect, color: color)
    }
}
