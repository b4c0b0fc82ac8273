/// Maps a continuous value domain to pixels. Bars use a domain that includes zero.
public struct LinearScale: Sendable, Equatable {
    public var domain: (lo: Double, hi: Double)
    public var range: (from: Double, to: Double)

    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = (domain.0, domain.1); self.range = (range.0, range.1)
    }

    public static func == (a: LinearScale, b: LinearScale) -> Bool {
        a.domain == b.domain && a.range == b.range
    }

    /// Pixel for a value (values outside the domain extrapolate).
    public func callAsFunction(_ v: Double) -> Double {
        let span = domain.hi - domain.lo
        guard span != 0 else { return (range.from + range.to) / 2 }
        return range.from + (v - domain.lo) / span * (range.to - range.from)
    }

    /// A nice scale for data spanning `lo...hi`: the domain is widened to its nice ticks.
    /// - Parameter includeZero: widen to include 0 first (bars must start at zero).
    public static func nice(_ lo: Double, _ hi: Double, includeZero: Bool, maxTicks: Int = 7,
                            range: (Double, Double)) -> (scale: LinearScale, ticks: [Double]) {
        var (lo, hi) = NiceTicks.sanitize(lo, hi)
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        let ticks = NiceTicks.ticks(lo, hi, maxCount: maxTicks)
        let d0 = ticks.first ?? lo, d1 = ticks.last ?? hi
        return (LinearScale(domain: (d0, d1), range: range), ticks)
    }

    /// Finite minimum and maximum of values, nil when there is none.
    public static func extent<S: Sequence>(_ values: S) -> (Double, Double)? where S.Element == Double {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
        return lo <= hi ? (lo, hi) : nil
    }
}
