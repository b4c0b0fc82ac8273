import Foundation

/// "Nice" axis ticks: steps of 1, 2 or 5 × 10^k, at most `maxCount` ticks, covering the data.
public enum NiceTicks {
    /// The nice step for a domain, as mantissa (1, 2 or 5) and power of ten.
    public struct Step: Sendable, Equatable {
        public var mantissa: Int
        public var exponent: Int
        public var value: Double { NiceTicks.scaled(mantissa, exponent) }
    }

    /// `m × 10^e` computed so that decimal values come out as the nearest double (0.3, not 0.30000000000000004).
    static func scaled(_ m: Int, _ e: Int) -> Double {
        e >= 0 ? Double(m) * pow(10, Double(e)) : Double(m) / pow(10, Double(-e))
    }

    /// The domain widened when degenerate: non-finite -> 0...1, a single value v -> between 0 and v
    /// (or 0...1 for zero).
    public static func sanitize(_ lo: Double, _ hi: Double) -> (Double, Double) {
        var lo = lo, hi = hi
        if !lo.isFinite && !hi.isFinite { return (0, 1) }
        if !lo.isFinite { lo = hi }
        if !hi.isFinite { hi = lo }
        if lo > hi { swap(&lo, &hi) }
        if lo == hi {
            if lo == 0 { return (0, 1) }
            return lo > 0 ? (0, lo) : (lo, 0)
        }
        return (lo, hi)
    }

    /// Ticks covering `lo...hi` (first tick <= lo, last tick >= hi), at most `maxCount` (>= 2).
    public static func ticks(_ lo: Double, _ hi: Double, maxCount: Int = 7) -> [Double] {
        let (lo, hi) = sanitize(lo, hi)
        let maxCount = max(2, maxCount)
        let rough = (hi - lo) / Double(maxCount - 1)
        var e = Int(floor(log10(rough)))
        var mi = 0
        let mantissas = [1, 2, 5]
        while true {
            let m = mantissas[mi]
            let step = scaled(m, e)
            let first = floor(lo / step + 1e-9)
            let last = ceil(hi / step - 1e-9)
            if last - first + 1 <= Double(maxCount) {
                let i0 = Int(first), i1 = Int(last)
                return (i0...i1).map { i in
                    let v = scaled(i * m, e)
                    return v == 0 ? 0 : v
                }
            }
            mi += 1
            if mi == mantissas.count { mi = 0; e += 1 }
        }
    }

    /// The step of a tick list (nil for fewer than two ticks).
    public static func step(of ticks: [Double]) -> Double? {
        ticks.count >= 2 ? ticks[1] - ticks[0] : nil
    }
}
