/// A moment in time: milliseconds since 1970-01-01T00:00:00Z.
///
/// Stored by value in the big columns, so a missing value is a sentinel
/// (`Instant.missing`) rather than an Optional: an array of `Instant` costs
/// eight bytes a row, an array of `Instant?` sixteen.
public struct Instant: Hashable, Comparable, Sendable {
    public var ms: Int64

    @inlinable public init(ms: Int64) { self.ms = ms }

    /// No value: NULL in the database, or a moment not yet reached at the as-of moment.
    public static let missing = Instant(ms: .min)

    @inlinable public var isMissing: Bool { ms == .min }
    @inlinable public var exists: Bool { ms != .min }

    @inlinable public static func < (a: Instant, b: Instant) -> Bool { a.ms < b.ms }

    public static let msPerDay: Int64 = 86_400_000

    /// Fractional days from `self` to `later` (elapsed seconds / 86 400).
    @inlinable public func days(until later: Instant) -> Double {
        Double(later.ms - ms) / 86_400_000
    }
}
