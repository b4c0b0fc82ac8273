import Foundation

/// Statistical functions used by the campaign-effect page
/// (design/metrics.md, "Campaign effect" and "Small print").
///
/// All functions are pure and thread-safe. Functions returning an optional
/// return `nil` when the statistic is not defined (the report shows null);
/// they never return NaN or infinity for valid input.
public enum Stats {}

// MARK: - Normal distribution

extension Stats {
    /// Standard normal cumulative distribution function Φ(x) = P(Z ≤ x).
    ///
    /// Computed as `erfc(-x / √2) / 2` with the rounding of -x/√2 corrected,
    /// which keeps ~1e-15 relative accuracy in the lower tail
    /// (Φ(-8) = 6.220960574271784e-16).
    /// Edge cases: Φ(-∞) = 0, Φ(+∞) = 1, very negative x underflows to 0;
    /// NaN input gives NaN.
    public static func normalCDF(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return Special.normalLowerTail(x)
    }

    /// Standard normal quantile Φ⁻¹(p), for p in (0, 1).
    ///
    /// Wichura's algorithm AS 241 (PPND16, relative accuracy about 1e-16),
    /// followed by one Halley step against `normalCDF` on the smaller tail.
    /// Edge cases: p = 0 gives -∞, p = 1 gives +∞; p outside [0, 1] or NaN
    /// gives NaN (no quantile exists).
    public static func normalQuantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        var x: Double
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r
                + 67265.770927008700853) * r + 45921.953931549871457) * r
                + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608)
            let den = (((((((r * 5226.495278852854561 + 28729.085735721942674) * r
                + 39307.89580009271061) * r + 21213.794301586595867) * r
                + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1.0)
            x = q * num / den
        } else {
            var r = q < 0 ? p : 1.0 - p   // exact: 1 - p is exact for p >= 0.5
            r = (-log(r)).squareRoot()
            if r <= 5 {
                r -= 1.6
                let num = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r
                    + 0.24178072517745061177) * r + 1.27045825245236838258) * r
                    + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                let den = (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r
                    + 0.0151986665636164571966) * r + 0.14810397642748007459) * r
                    + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0)
                x = num / den
            } else {
                r -= 5
                let num = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r
                    + 0.0012426609473880784386) * r + 0.026532189526576123093) * r
                    + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                let den = (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r
                    + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r
                    + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1.0)
                x = num / den
            }
            if q < 0 { x = -x }
        }
        // One Halley refinement on the smaller tail (no cancellation there).
        let density = Special.normalDensity(x)
        if density > 0 && x.isFinite {
            let e: Double
            if p < 0.5 {
                e = normalCDF(x) - p
            } else {
                e = (1.0 - p) - Special.normalUpperTail(x)
            }
            let u = e / density
            x -= u / (1.0 + 0.5 * x * u)
        }
        return x
    }
}

// MARK: - Student t distribution

extension Stats {
    /// Student t cumulative distribution function P(T ≤ t) with `df` degrees
    /// of freedom, for any real df > 0 (non-integer df from Welch allowed).
    ///
    /// Exact: P(T > |t|) = I_x(df/2, 1/2) / 2 with x = df / (df + t²), where I
    /// is the regularized incomplete beta function evaluated by its continued
    /// fraction (relative accuracy about 1e-14; the small tail is computed
    /// directly, so tiny probabilities keep their relative accuracy).
    /// Edge cases: t = ±∞ gives 1 or 0; df = +∞ gives `normalCDF(t)`;
    /// df ≤ 0 or NaN arguments give NaN (the distribution does not exist).
    public static func studentTCDF(_ t: Double, df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        if df.isInfinite { return normalCDF(t) }
        if t == 0 { return 0.5 }
        let tail = Special.tUpperTail(t, df: df)
        return t < 0 ? tail : 1.0 - tail
    }

    /// Student t quantile: the t with `studentTCDF(t, df) == p`, for p in
    /// (0, 1) and any real df > 0.
    ///
    /// Exact, not a normal approximation: df = 1 (Cauchy) and df = 2 use their
    /// closed forms; otherwise the CDF is inverted by safeguarded Newton
    /// iteration on log(tail) in log(t) until the relative change is below
    /// about 1e-15.
    /// Edge cases: p = 0.5 gives 0; p = 0 gives -∞, p = 1 gives +∞; a
    /// quantile beyond the largest double (only for tiny df and extreme p,
    /// e.g. df = 0.05, p = 1e-20) gives ±∞;
    /// df = +∞ gives `normalQuantile(p)`; p outside [0, 1], df ≤ 0 or NaN
    /// arguments give NaN.
    public static func studentTQuantile(_ p: Double, df: Double) -> Double {
        if p.isNaN || df.isNaN || df <= 0 || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if df.isInfinite { return normalQuantile(p) }
        let sign: Double = p < 0.5 ? -1 : 1
        let q = p < 0.5 ? p : 1.0 - p   // upper-tail probability, in (0, 0.5)
        if df == 1 {
            return sign / tan(Double.pi * q)
        }
        if df == 2 {
            return sign * (1.0 - 2.0 * q) / (2.0 * q * (1.0 - q)).squareRoot()
        }
        return sign * invertTail(q, df: df)
    }

    /// Solves P(T > t) = q for t > 0 (0 < q < 0.5).
    private static func invertTail(_ q: Double, df: Double) -> Double {
        // For tiny df the quantile can lie beyond the largest double.
        if Special.tUpperTail(.greatestFiniteMagnitude, df: df) > q { return .infinity }
        let logQ = log(q)
        // Initial guess: Cornish-Fisher expansion around the normal quantile,
        // adequate for moderate df; the iteration below is global anyway.
        let z = -normalQuantile(q)
        var t = z + (z * z * z + z) / (4 * df)
        if !(t.isFinite && t > 0) { t = max(z, 1) }
        var u = log(t)
        var lo = -Double.infinity   // f(lo) > 0: tail too large, t too small
        var hi = Double.infinity    // f(hi) < 0
        for _ in 0..<300 {
            let tt = min(exp(u), .greatestFiniteMagnitude)
            let tail = Special.tUpperTail(tt, df: df)
            let f = log(tail) - logQ
            if f == 0 { return tt }
            if f > 0 { lo = max(lo, u) } else { hi = min(hi, u) }
            var next: Double
            let density = Special.tDensity(tt, df: df)
            if tail > 0 && density > 0 {
                // d/du log tail(e^u) = -density(t) * t / tail(t)
                let slope = -density * tt / tail
                var step = -f / slope
                step = max(-20, min(20, step))
                next = u + step
            } else {
                next = f > 0 ? u + 20 : u - 20
            }
            if !(next > lo && next < hi) {
                if lo.isFinite && hi.isFinite {
                    next = 0.5 * (lo + hi)
                } else if lo.isFinite {
                    next = lo + 20
                } else {
                    next = hi - 20
                }
            }
            let change = abs(next - u)
            u = next
            if change <= 1e-15 * max(1, abs(u)) || (hi - lo) <= 1e-15 * max(1, abs(u)) {
                break
            }
        }
        return exp(u)
    }
}
