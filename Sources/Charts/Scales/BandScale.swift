/// Maps n categories to equal bands of pixels (bars, heatmap rows).
public struct BandScale: Sendable, Equatable {
    public var count: Int
    public var range: (from: Double, to: Double)
    public var paddingInner: Double
    public var paddingOuter: Double

    public init(count: Int, range: (Double, Double), paddingInner: Double = 0.2, paddingOuter: Double = 0.1) {
        self.count = count; self.range = (range.0, range.1)
        self.paddingInner = paddingInner; self.paddingOuter = paddingOuter
    }

    public static func == (a: BandScale, b: BandScale) -> Bool {
        a.count == b.count && a.range == b.range && a.paddingInner == b.paddingInner && a.paddingOuter == b.paddingOuter
    }

    /// Distance between the starts of neighbouring bands.
    public var step: Double {
        let n = Double(max(count, 1))
        return (range.to - range.from) / (n - paddingInner + 2 * paddingOuter)
    }

    public var bandwidth: Double { step * (1 - paddingInner) }

    /// Start pixel of band i.
    public func start(_ i: Int) -> Double { range.from + step * paddingOuter + Double(i) * step }

    public func center(_ i: Int) -> Double { start(i) + bandwidth / 2 }
}
