import Foundation

/// A closed confidence interval [low, high].
public struct Interval: Sendable, Equatable {
    /// Lower bound.
    public let low: Double
    /// Upper bound.
    public let high: Double

    /// Creates an interval; `low` should not exceed `high`.
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
}

extension Stats {
    /// Two-sided critical value z(1 - α/2) for a confidence level in (0, 1).
    static func criticalZ(_ confidence: Double) -> Double? {
        guard confidence > 0, confidence < 1 else { return nil }
        // (1 + c) / 2 is the nearest double to 0.975 for c = 0.95.
        return normalQuantile((1.0 + confidence) / 2.0)
    }

    /// Wilson score interval for a binomial proportion `successes / n`
    /// (Wilson 1927; no continuity correction):
    /// (p̂ + z²/2n ± z √(p̂(1-p̂)/n + z²/4n²)) / (1 + z²/n), z = z(1 - α/2).
    ///
    /// Edge cases:
    /// - `n == 0`: `nil` (no data, no interval).
    /// - `successes == 0`: low is exactly 0, high = z² / (n + z²).
    /// - `successes == n`: high is exactly 1, low = n / (n + z²).
    /// - n = 1 is valid (e.g. 1/1 at 95 %: [0.2065, 1]).
    /// - `nil` also when `successes < 0`, `successes > n`, `n < 0`, or
    ///   `confidence` is not strictly between 0 and 1.
    /// Bounds are clamped to [0, 1].
    public static func wilson(successes: Int, n: Int, confidence: Double = 0.95) -> Interval? {
        guard n > 0, successes >= 0, successes <= n, let z = criticalZ(confidence) else { return nil }
        let nd = Double(n)
        let x = Double(successes)
        let z2 = z * z
        let denominator = nd + z2
        let centre = (x + z2 / 2) / denominator
        let half = z / denominator * (x * (nd - x) / nd + z2 / 4).squareRoot()
        let low = successes == 0 ? 0 : max(0, centre - half)
        let high = successes == n ? 1 : min(1, centre + half)
        return Interval(low: low, high: high)
    }

    /// Confidence interval for the difference of two independent proportions
    /// p₁ - p₂ (p₁ = successes1 / n1, p₂ = successes2 / n2) by Newcombe's
    /// hybrid score method (Newcombe 1998, Statistics in Medicine 17:873-890,
    /// method 10), built from the two Wilson intervals [l₁, u₁] and [l₂, u₂]:
    ///
    ///     low  = (p₁ - p₂) - √((p₁ - l₁)² + (u₂ - p₂)²)
    ///     high = (p₁ - p₂) + √((u₁ - p₁)² + (p₂ - l₂)²)
    ///
    /// Edge cases:
    /// - `n1 == 0` or `n2 == 0`: `nil`.
    /// - zero or all successes in either arm are valid (e.g. 0/10 vs 0/20
    ///   gives [-0.1611, 0.2775]; 10/10 vs 0/20 gives [0.6791, 1]).
    /// - arms of size 1 are valid (the interval is wide).
    /// - `nil` also for negative counts, successes above n, or a confidence
    ///   not strictly between 0 and 1.
    /// Bounds are clamped to [-1, 1].
    public static func newcombeDifference(
        successes1: Int, n1: Int, successes2: Int, n2: Int, confidence: Double = 0.95
    ) -> Interval? {
        guard let w1 = wilson(successes: successes1, n: n1, confidence: confidence),
              let w2 = wilson(successes: successes2, n: n2, confidence: confidence)
        else { return nil }
        let p1 = Double(successes1) / Double(n1)
        let p2 = Double(successes2) / Double(n2)
        let d = p1 - p2
        let lowSpan = ((p1 - w1.low) * (p1 - w1.low) + (w2.high - p2) * (w2.high - p2)).squareRoot()
        let highSpan = ((w1.high - p1) * (w1.high - p1) + (p2 - w2.low) * (p2 - w2.low)).squareRoot()
        return Interval(low: max(-1, d - lowSpan), high: min(1, d + highSpan))
    }

    /// Two-sided two-proportion z-test with the pooled standard error:
    /// p̄ = (s₁ + s₂) / (n₁ + n₂), SE = √(p̄(1 - p̄)(1/n₁ + 1/n₂)),
    /// z = (p₁ - p₂) / SE, p = 2 P(Z > |z|) (equal to Pearson's χ² test
    /// without continuity correction).
    ///
    /// Edge cases:
    /// - an `n` of 0 (or negative, or successes outside 0...n): `nil`.
    /// - pooled SE of 0, i.e. no successes in either arm or all successes in
    ///   both arms: `nil` (the p-value is null).
    /// - zero successes in only one arm, or arms of size 1, are valid.
    /// - a very large |z| gives p = 0 after underflow (below ~1e-308), never NaN.
    public static func twoProportionZTest(
        successes1: Int, n1: Int, successes2: Int, n2: Int
    ) -> (z: Double, p: Double)? {
        guard n1 > 0, n2 > 0, successes1 >= 0, successes2 >= 0,
              successes1 <= n1, successes2 <= n2 else { return nil }
        let nd1 = Double(n1)
        let nd2 = Double(n2)
        let pooled = Double(successes1 + successes2) / (nd1 + nd2)
        let variance = pooled * (1 - pooled) * (1 / nd1 + 1 / nd2)
        guard variance > 0 else { return nil }
        let z = (Double(successes1) / nd1 - Double(successes2) / nd2) / variance.squareRoot()
        let p = min(1, 2 * Special.normalUpperTail(abs(z)))
        return (z, p)
    }

    /// Minimum detectable effect (absolute difference of proportions) of a
    /// two-sided test at level `alpha` with the given `power`:
    /// (z(1 - α/2) + z(power)) · √(p_c (1 - p_c) (1/n_t + 1/n_c)).
    ///
    /// Edge cases:
    /// - `nTreatment` or `nControl` ≤ 0: `nil`.
    /// - `pControl` of 0 or 1: 0 (the formula has no variance there).
    /// - `nil` when `pControl` is outside [0, 1] or NaN, or `alpha` or
    ///   `power` is not strictly between 0 and 1.
    public static func minimumDetectableEffect(
        pControl: Double, nTreatment: Int, nControl: Int, alpha: Double = 0.05, power: Double = 0.8
    ) -> Double? {
        guard nTreatment > 0, nControl > 0, pControl >= 0, pControl <= 1,
              alpha > 0, alpha < 1, power > 0, power < 1 else { return nil }
        let zAlpha = normalQuantile(1 - alpha / 2)
        let zPower = normalQuantile(power)
        let se = (pControl * (1 - pControl) * (1 / Double(nTreatment) + 1 / Double(nControl))).squareRoot()
        return (zAlpha + zPower) * se
    }
}
