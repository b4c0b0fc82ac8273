import Foundation

/// Internal special functions: log-beta, the regularized incomplete beta
/// function and the Student t tail. Not public API.
enum Special {
    /// log(sqrt(2 pi)).
    static let lnSqrt2Pi = 0.918938533204672741780329736406

    /// Stirling correction term of log Gamma for `x >= 10`:
    /// `lgamma(x) = (x - 0.5) log x - x + log sqrt(2 pi) + lgammaCorrection(x)`.
    /// Asymptotic series with Bernoulli-number coefficients; at x = 10 the
    /// first omitted term is below 1e-17.
    static func lgammaCorrection(_ x: Double) -> Double {
        let r = 1.0 / x
        let r2 = r * r
        // B_{2k} / (2k (2k - 1)), k = 1...8
        let c: [Double] = [
            1.0 / 12.0, -1.0 / 360.0, 1.0 / 1260.0, -1.0 / 1680.0,
            1.0 / 1188.0, -691.0 / 360_360.0, 1.0 / 156.0, -3617.0 / 122_400.0,
        ]
        var sum = 0.0
        for k in stride(from: c.count - 1, through: 0, by: -1) {
            sum = sum * r2 + c[k]
        }
        return sum * r
    }

    /// log Γ(x) for x > 0, via the reentrant `lgamma_r` (the plain C `lgamma`
    /// writes the global `signgam`).
    static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// log B(a, b) for a, b > 0, without the cancellation of
    /// `lgamma(a) + lgamma(b) - lgamma(a + b)` when an argument is large
    /// (the same decomposition as R's `lbeta`).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let p = min(a, b)
        let q = max(a, b)
        if p >= 10 {
            let corr = lgammaCorrection(p) + lgammaCorrection(q) - lgammaCorrection(p + q)
            return -0.5 * log(q) + lnSqrt2Pi + corr + (p - 0.5) * log(p / (p + q)) + q * log1p(-p / (p + q))
        } else if q >= 10 {
            let corr = lgammaCorrection(q) - lgammaCorrection(p + q)
            return logGamma(p) + corr + p - p * log(p + q) + (q - 0.5) * log1p(-p / (p + q))
        } else {
            return logGamma(p) + logGamma(q) - logGamma(p + q)
        }
    }

    /// Continued fraction for I_x(a, b) (Didonato & Morris 1992, ACM TOMS
    /// 708, routine BFRAC), returning r with I_x(a, b) = x^a y^b / B(a, b) · r.
    /// Its parameter lambda = (a + b) y - b = a - (a + b) x is formed from
    /// whichever of x and y avoids cancellation, which keeps full accuracy for
    /// large a with x close to 1 (large-df Student t), where the textbook
    /// (Numerical Recipes) fraction loses up to 8 digits.
    /// Converges quickly for x < (a + 1) / (a + b + 2).
    static func betaFraction(_ a: Double, _ b: Double, x: Double, y: Double) -> Double {
        let eps = 1e-15
        let lambda = a > b ? (a + b) * y - b : a - (a + b) * x
        let c = 1.0 + lambda
        let c0 = b / a
        let c1 = 1.0 + 1.0 / a
        let yp1 = y + 1.0
        var n = 0.0
        var p = 1.0
        var s = a + 1.0
        var an = 0.0
        var bn = 1.0
        var anp1 = 1.0
        var bnp1 = c / c1
        var r = c1 / c
        while n < 100_000 {
            n += 1
            let t = n / a
            let w = n * (b - n) * x
            var e = a / s
            let alpha = (p * (p + c0) * e * e) * (w * x)
            e = (1.0 + t) / (c1 + t + t)
            let beta = n + w / s + e * (c + n * yp1)
            p = 1.0 + t
            s += 2.0
            var next = alpha * an + beta * anp1
            an = anp1
            anp1 = next
            next = alpha * bn + beta * bnp1
            bn = bnp1
            bnp1 = next
            let r0 = r
            r = anp1 / bnp1
            if abs(r - r0) <= eps * r { break }
            an /= bnp1
            bn /= bnp1
            anp1 = r
            bnp1 = 1.0
        }
        return r
    }

    /// Regularized incomplete beta I_x(a, b), with y = 1 - x and the logs of
    /// x and y passed separately so that callers can supply them without
    /// cancellation or underflow. Requires a > 0, b > 0, 0 <= x <= 1, x + y = 1.
    static func incompleteBeta(_ a: Double, _ b: Double, x: Double, y: Double, logX: Double, logY: Double) -> Double {
        if logX == -.infinity { return 0 }
        if logY == -.infinity { return 1 }
        let front = exp(a * logX + b * logY - logBeta(a, b))
        // x < (a + 1) / (a + b + 2), tested on the smaller of x and y so
        // that it stays exact when x rounds to 1.
        let direct = x <= 0.5 ? x < (a + 1) / (a + b + 2) : y > (b + 1) / (a + b + 2)
        if direct {
            return min(1, front * betaFraction(a, b, x: x, y: y))
        } else {
            return max(0, 1.0 - front * betaFraction(b, a, x: y, y: x))
        }
    }

    /// x = df / (df + t²), y = t² / (df + t²) and their logs, without
    /// overflow or underflow of t² (|t| up to the largest double).
    static func tBetaArguments(_ t: Double, df: Double) -> (x: Double, y: Double, logX: Double, logY: Double) {
        let at = abs(t)
        if at < df.squareRoot() {
            let u = (at / df) * at          // t² / df < 1
            let l = log1p(u)
            return (1.0 / (1.0 + u), u / (1.0 + u), -l, log(u) - l)
        } else {
            let v = (df / at) / at          // df / t² <= 1
            let l = log1p(v)
            return (v / (1.0 + v), 1.0 / (1.0 + v), log(df) - 2 * log(at) - l, -l)
        }
    }

    /// P(T > |t|) for Student t with `df` degrees of freedom (df > 0, finite).
    static func tUpperTail(_ t: Double, df: Double) -> Double {
        if t.isInfinite { return 0 }
        if t == 0 { return 0.5 }
        let args = tBetaArguments(t, df: df)
        return 0.5 * incompleteBeta(df / 2, 0.5, x: args.x, y: args.y, logX: args.logX, logY: args.logY)
    }

    /// Density of Student t at t (df > 0, finite).
    static func tDensity(_ t: Double, df: Double) -> Double {
        let at = abs(t)
        let logKernel: Double
        if at * at < df {
            logKernel = log1p((at / df) * at)
        } else {
            logKernel = 2 * log(at) - log(df) + log1p((df / at) / at)
        }
        return exp(-(df + 1) / 2 * logKernel - logBeta(df / 2, 0.5) - 0.5 * log(df))
    }

    /// 1/√2 split into a double and its rounding error.
    private static let invSqrt2Hi = 0.7071067811865476
    private static let invSqrt2Lo = -4.8336466567264565e-17
    /// 2/√π.
    private static let twoOverSqrtPi = 1.1283791670955125739

    /// Standard normal lower tail Φ(x) = erfc(-x/√2) / 2. The argument -x/√2
    /// is carried in double-double and its rounding error applied as a
    /// first-order correction, so Φ keeps ~1e-15 relative accuracy deep in the
    /// lower tail (plain `erfc(-x / 2.0.squareRoot())` loses ~1e-14 at x = -8).
    static func normalLowerTail(_ x: Double) -> Double {
        if x.isInfinite { return x > 0 ? 1 : 0 }
        let y = -x * invSqrt2Hi
        let yError = (-y).addingProduct(-x, invSqrt2Hi) + (-x) * invSqrt2Lo
        let value = erfc(y) - yError * twoOverSqrtPi * exp(-y * y)
        return 0.5 * max(0, value)
    }

    /// Standard normal upper tail P(Z > x), accurate in the far tail.
    static func normalUpperTail(_ x: Double) -> Double {
        normalLowerTail(-x)
    }

    /// Standard normal density.
    static func normalDensity(_ x: Double) -> Double {
        exp(-0.5 * x * x - lnSqrt2Pi)
    }
}
