import Foundation

/// xoshiro256** seeded through SplitMix64: the same seed gives the same stream on
/// every machine, which makes the demo database reproducible byte for byte.
public struct DemoRandom: RandomNumberGenerator {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var x = seed
        func split() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (split(), split(), split(), split())
    }

    /// An independent stream for one entity (a contact, a campaign), so that
    /// adding an entity never shifts the randomness of the others.
    public init(seed: UInt64, stream: UInt64, salt: UInt64 = 0) {
        self.init(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ (salt &* 0xD1B5_4A32_D192_ED03))
    }

    public mutating func next() -> UInt64 {
        let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
        let t = s.1 << 17
        s.2 ^= s.0; s.3 ^= s.1; s.1 ^= s.2; s.0 ^= s.3
        s.2 ^= t
        s.3 = s.3 << 45 | s.3 >> 19
        return result
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    public mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    /// Picks by weight.
    public mutating func pick<T>(_ items: [(T, Double)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var r = unit() * total
        for (item, w) in items {
            if r < w { return item }
            r -= w
        }
        return items[items.count - 1].0
    }

    public mutating func exponential(mean: Double) -> Double { -mean * log(1 - unit()) }

    public mutating func normal() -> Double {
        let u1 = max(unit(), 1e-300), u2 = unit()
        return sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2)
    }

    public mutating func logNormal(median: Double, sigma: Double) -> Double { median * exp(sigma * normal()) }

    public mutating func poisson(_ mean: Double) -> Int {
        if mean > 30 { return max(0, Int((mean + sqrt(mean) * normal()).rounded())) }
        let l = exp(-mean)
        var k = 0
        var p = 1.0
        repeat { k += 1; p *= unit() } while p > l
        return k - 1
    }
}
