import Foundation

/// Converts between instants and the wall clock of the report's time zone.
///
/// Foundation's `TimeZone` is too slow to ask once per row, so the offsets are
/// precomputed as a table of transitions (1900...2100) and looked up by binary search.
public struct ZoneClock: Sendable {
    public let identifier: String
    /// Instants (ms, UTC) at which a new offset starts, ascending; `offsets[i]` holds from `starts[i]`.
    private let starts: [Int64]
    private let offsets: [Int64]   // milliseconds east of UTC

    public static let utc = ZoneClock(fixedIdentifier: "UTC", offsetSeconds: 0)

    private init(fixedIdentifier: String, offsetSeconds: Int) {
        identifier = fixedIdentifier
        starts = [Int64.min]
        offsets = [Int64(offsetSeconds) * 1000]
    }

    /// nil when the identifier names no time zone.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        let begin = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
        let end = Date(timeIntervalSince1970: 4_102_444_800)     // 2100-01-01
        var s: [Int64] = [Int64.min]
        var o: [Int64] = [Int64(zone.secondsFromGMT(for: begin)) * 1000]
        var cursor = begin
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let offset = Int64(zone.secondsFromGMT(for: next)) * 1000
            if offset != o[o.count - 1] {
                s.append(Int64((next.timeIntervalSince1970 * 1000).rounded()))
                o.append(offset)
            }
            cursor = next
        }
        starts = s
        offsets = o
    }

    /// Milliseconds east of UTC in force at a UTC instant.
    @inlinable public func offset(atUTC ms: Int64) -> Int64 {
        offsetAt(ms)
    }

    @usableFromInline func offsetAt(_ ms: Int64) -> Int64 {
        if starts.count == 1 { return offsets[0] }
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= ms { lo = mid } else { hi = mid - 1 }
        }
        return offsets[lo]
    }

    /// The instant of a wall-clock time (ms since 1970 as if the wall clock were UTC).
    /// In a gap (spring forward) or overlap (fall back), the earlier offset is used.
    public func instant(fromLocal local: Int64) -> Instant {
        let first = offsetAt(local - offsetAt(local))
        let second = offsetAt(local - first)
        return Instant(ms: local - max(first, second))
    }

    /// The local midnight starting a day number.
    public func startOfDay(_ day: Int) -> Instant {
        instant(fromLocal: Int64(day) * Instant.msPerDay)
    }

    /// The local day number of an instant.
    @inlinable public func day(of instant: Instant) -> Int {
        let local = instant.ms + offsetAt(instant.ms)
        return Int(local >= 0 ? local / Instant.msPerDay : (local - Instant.msPerDay + 1) / Instant.msPerDay)
    }
}
