/// Maps a value to a colour: sequential (light to dark blue) for magnitudes, diverging
/// (vermillion – grey – blue) for signed values. Both are colour-blind safe.
public struct ColorScale: Sendable, Equatable {
    public var stops: [Color]
    public var domain: (lo: Double, hi: Double)

    public init(stops: [Color], domain: (Double, Double)) {
        self.stops = stops; self.domain = (domain.0, domain.1)
    }

    public static func == (a: ColorScale, b: ColorScale) -> Bool { a.stops == b.stops && a.domain == b.domain }

    /// ColorBrewer Blues without its near-white end, so the lowest value still differs from an empty cell.
    public static let sequentialStops: [Color] = [0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B].map { Color(hex: $0) }
    public static let divergingStops: [Color] = [0xB34700, 0xD55E00, 0xF0B088, 0xF2F2F2, 0x8CC3E6, 0x0072B2, 0x004E7A].map { Color(hex: $0) }

    public static func sequential(_ lo: Double, _ hi: Double) -> ColorScale {
        ColorScale(stops: sequentialStops, domain: (lo, hi))
    }

    /// Symmetric around zero.
    public static func diverging(maxAbs: Double) -> ColorScale {
        let m = maxAbs > 0 && maxAbs.isFinite ? maxAbs : 1
        return ColorScale(stops: divergingStops, domain: (-m, m))
    }

    public func callAsFunction(_ v: Double) -> Color {
        let span = domain.hi - domain.lo
        var t = span > 0 ? (v - domain.lo) / span : 0.5
        if !t.isFinite { t = 0 }
        t = min(1, max(0, t))
        let x = t * Double(stops.count - 1)
        let i = min(Int(x), stops.count - 2)
        return stops[i].mix(stops[i + 1], x - Double(i))
    }
}
