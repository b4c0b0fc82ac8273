import Foundation

/// Streaming mean and sample variance (Welford), mergeable, for folding
/// millions of values without storing them.
///
/// Uses Welford's update for `add` and Chan, Golub and LeVeque's pairwise
/// formula for `merge`, both numerically stable (no sum-of-squares
/// cancellation). Edge cases: an empty accumulator has count 0, mean 0 and
/// sample variance 0; with one value the sample variance is 0. Non-finite
/// input values propagate into mean and variance; callers should only add
/// finite values.
public struct RunningMoments: Sendable, Equatable {
    /// Number of values added.
    public private(set) var count: Int = 0
    /// Arithmetic mean of the values added (0 when empty).
    public private(set) var mean: Double = 0
    /// Sum of squared deviations from the mean.
    private var m2: Double = 0

    /// An empty accumulator.
    public init() {}

    /// Adds one value.
    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        m2 += delta * (x - mean)
    }

    /// Merges another accumulator into this one, as if all of its values had
    /// been added here (order of merging does not matter beyond rounding).
    public mutating func merge(_ other: RunningMoments) {
        if other.count == 0 { return }
        if count == 0 {
            self = other
            return
        }
        let na = Double(count)
        let nb = Double(other.count)
        let n = na + nb
        let delta = other.mean - mean
        mean += delta * (nb / n)
        m2 += other.m2 + delta * delta * (na * nb / n)
        count += other.count
    }

    /// Sample variance with divisor n - 1; 0 when count < 2.
    public var sampleVariance: Double {
        count < 2 ? 0 : max(0, m2 / Double(count - 1))
    }
}

extension Stats {
    /// Percentile of already-sorted (ascending) values by linear interpolation
    /// between closest ranks, "type 7" (R's default `quantile`, numpy's
    /// default `percentile`): h = (n - 1) q, result = x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋]).
    ///
    /// - Parameters:
    ///   - sorted: values sorted ascending (not checked; unsorted input gives a
    ///     meaningless result).
    ///   - q: the quantile as a fraction in [0, 1] (0.5 = median, 0.75 = P75).
    /// - Returns: `nil` for empty input or `q` outside [0, 1] or NaN. One value
    ///   returns that value for every q; q = 0 and q = 1 return the minimum
    ///   and maximum exactly.
    public static func percentile(_ sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty, q >= 0, q <= 1 else { return nil }
        let h = Double(sorted.count - 1) * q
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        let a = sorted[lower]
        if fraction == 0 || lower + 1 >= sorted.count { return a }
        let b = sorted[lower + 1]
        if a == b { return a }
        return a + fraction * (b - a)
    }
}
