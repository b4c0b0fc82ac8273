/// An amount of money in minor units (kopecks, cents: a hundredth of the major unit).
///
/// The database stores money as REAL major units. The reader rounds each amount once into
/// minor units, so every sum a report makes is exact: report.json says `13789048.15`, never
/// `13789048.149999982`, and a week's revenue is the sum of its days to the kopeck. Reports
/// turn a sum into `Double` major units (`major`) only for means, statistics and the value shown.
///
/// Stored by value in the big columns, so "no amount" (NULL in an optional column) is a
/// sentinel (`Money.missing`) rather than an Optional, as with `Instant`.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic {
    public var minor: Int64

    @inlinable public init(minor: Int64) { self.minor = minor }

    public static let minorPerMajor: Int64 = 100

    /// The accepted magnitude, in major units (exclusive): ten trillion. A larger amount is not a
    /// sane CRM value (an order of 1e308 is a probe, not a sale) and is `unknown_value`. Below it
    /// every amount is at most 1e15 minor units, under 2^53, so it is exact in a Double as well,
    /// and about 9,000 of them still add up inside Int64.
    public static let limit: Double = 1e13

    /// No amount: NULL in an optional column.
    public static let missing = Money(minor: .min)
    public static let zero = Money(minor: 0)

    @inlinable public var isMissing: Bool { minor == .min }
    @inlinable public var exists: Bool { minor != .min }

    /// In major units, for means, statistics and the report's value (exact below 2^53 minor units).
    @inlinable public var major: Double { Double(minor) / Double(Self.minorPerMajor) }

    /// An amount in major units, rounded half away from zero to the minor unit; nil when it is not
    /// a finite number or its magnitude reaches `limit`.
    ///
    /// A value within a few units in the last place of a half minor unit is taken as that half:
    /// the 2.675 a CRM wrote is stored as 2.67499999999999982..., and the database shows 2.675.
    @inlinable @inline(__always) public init?(major value: Double) {
        guard value.isFinite, abs(value) < Self.limit else { return nil }
        let scaled = value * Double(Self.minorPerMajor)
        let whole = scaled.rounded(.towardZero)
        let rounded: Double
        if abs(abs(scaled - whole) - 0.5) <= 3 * scaled.ulp {   // the two roundings above err by under 2 ulp
            rounded = whole + (scaled < 0 ? -1 : 1)
        } else {
            rounded = scaled.rounded(.toNearestOrAwayFromZero)
        }
        minor = Int64(rounded)
    }

    @inlinable public static func < (a: Money, b: Money) -> Bool { a.minor < b.minor }

    /// Saturating: a total beyond ±9.2e16 major units stops at the bound instead of trapping,
    /// so no input can crash a report (a real business is many orders of magnitude below it).
    @inlinable public static func + (a: Money, b: Money) -> Money {
        let (sum, overflow) = a.minor.addingReportingOverflow(b.minor)
        guard overflow else { return Money(minor: sum) }
        return Money(minor: b.minor > 0 ? .max : .min + 1)
    }

    @inlinable public static func - (a: Money, b: Money) -> Money {
        let (difference, overflow) = a.minor.subtractingReportingOverflow(b.minor)
        guard overflow else { return Money(minor: difference) }
        return Money(minor: b.minor < 0 ? .max : .min + 1)
    }
}

extension Sequence where Element == Money {
    /// The exact total.
    public func sum() -> Money { reduce(.zero, +) }
}
