import Foundation

/// Result of Welch's unequal-variance t procedure for mean₁ - mean₂.
public struct WelchResult: Sendable, Equatable {
    /// mean₁ - mean₂.
    public let difference: Double
    /// Lower bound of the confidence interval of the difference.
    public let low: Double
    /// Upper bound of the confidence interval of the difference.
    public let high: Double
    /// Welch t statistic, difference / √(s₁²/n₁ + s₂²/n₂).
    public let t: Double
    /// Welch-Satterthwaite degrees of freedom (generally not an integer).
    public let degreesOfFreedom: Double
    /// Two-sided p-value, 2 P(T_df > |t|).
    public let p: Double

    /// Memberwise initializer.
    public init(difference: Double, low: Double, high: Double, t: Double, degreesOfFreedom: Double, p: Double) {
        self.difference = difference
        self.low = low
        self.high = high
        self.t = t
        self.degreesOfFreedom = degreesOfFreedom
        self.p = p
    }
}

extension Stats {
    /// Welch's t interval and test for the difference of two means, from
    /// summary statistics (`variance1`, `variance2` are SAMPLE variances with
    /// divisor n - 1, e.g. `RunningMoments.sampleVariance`).
    ///
    /// SE = √(v₁/n₁ + v₂/n₂); t = (m₁ - m₂) / SE;
    /// df = (v₁/n₁ + v₂/n₂)² / ((v₁/n₁)²/(n₁-1) + (v₂/n₂)²/(n₂-1));
    /// interval = (m₁ - m₂) ± t_df(1 - α/2) · SE (exact t quantile);
    /// p = 2 P(T_df > |t|). Matches `scipy.stats.ttest_ind(equal_var=False)`.
    ///
    /// Edge cases:
    /// - an arm with fewer than 2 members: `nil`.
    /// - both variances 0: `nil` (SE is 0).
    /// - one variance 0: valid; df is then n - 1 of the other arm.
    /// - `nil` also for a negative or non-finite variance, a non-finite mean,
    ///   or a confidence not strictly between 0 and 1.
    /// - the p-value underflows to 0 for astronomically large |t|; never NaN.
    public static func welch(
        mean1: Double, variance1: Double, n1: Int,
        mean2: Double, variance2: Double, n2: Int,
        confidence: Double = 0.95
    ) -> WelchResult? {
        guard n1 >= 2, n2 >= 2,
              mean1.isFinite, mean2.isFinite, variance1.isFinite, variance2.isFinite,
              variance1 >= 0, variance2 >= 0,
              confidence > 0, confidence < 1 else { return nil }
        let a = variance1 / Double(n1)
        let b = variance2 / Double(n2)
        let se2 = a + b
        guard se2 > 0 else { return nil }
        // Degrees of freedom with the terms scaled by max(a, b) against overflow.
        let scale = max(a, b)
        let sa = a / scale
        let sb = b / scale
        let df = (sa + sb) * (sa + sb) / (sa * sa / Double(n1 - 1) + sb * sb / Double(n2 - 1))
        let se = se2.squareRoot()
        let difference = mean1 - mean2
        let t = difference / se
        let p: Double
        if t == 0 {
            p = 1
        } else {
            p = min(1, 2 * Special.tUpperTail(t, df: df))
        }
        let critical = studentTQuantile((1 + confidence) / 2, df: df)
        return WelchResult(
            difference: difference,
            low: difference - critical * se,
            high: difference + critical * se,
            t: t,
            degreesOfFreedom: df,
            p: p
        )
    }
}
