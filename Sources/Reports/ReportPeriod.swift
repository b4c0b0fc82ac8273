import Formatting
import CRMData

/// A report period: an ISO week (Monday to Monday) or a calendar month, in local days.
public struct ReportPeriod: Sendable, Equatable {
    public let kind: ReportConfig.PeriodKind
    /// First day (inclusive) and end day (exclusive), as local day numbers.
    public let startDay: Int
    public let endDay: Int

    /// The latest complete period that ends at or before the as-of day.
    public static func latest(_ kind: ReportConfig.PeriodKind, asOfDay: Int) -> ReportPeriod {
        switch kind {
        case .week:
            let end = CivilDate.startOfWeek(days: asOfDay)
            return ReportPeriod(kind: .week, startDay: end - 7, endDay: end)
        case .month:
            let end = CivilDate.startOfMonth(days: asOfDay)
            return ReportPeriod(kind: .month, startDay: CivilDate.addingMonths(-1, to: end), endDay: end)
        }
    }

    /// The period `n` periods earlier (n = 1: the previous period; 52 weeks or 12 months: a year ago).
    public func shifted(back n: Int) -> ReportPeriod {
        switch kind {
        case .week: return ReportPeriod(kind: kind, startDay: startDay - 7 * n, endDay: endDay - 7 * n)
        case .month:
            return ReportPeriod(kind: kind, startDay: CivilDate.addingMonths(-n, to: startDay), endDay: CivilDate.addingMonths(-n, to: endDay))
        }
    }

    public var previous: ReportPeriod { shifted(back: 1) }
    public var yearAgo: ReportPeriod { shifted(back: kind == .week ? 52 : 12) }

    /// "2026-W47" or "2026-11".
    public var label: String { kind == .week ? CivilDate.isoWeekLabel(startDay) : CivilDate.isoMonth(startDay) }

    public func start(_ zone: ZoneClock) -> Instant { zone.startOfDay(startDay) }
    public func end(_ zone: ZoneClock) -> Instant { zone.startOfDay(endDay) }
}

/// Assigns instants to a run of consecutive periods by binary search over their boundaries.
public struct PeriodBuckets: Sendable {
    /// Oldest first; `bounds[i] ..< bounds[i + 1]` is period i.
    public let periods: [ReportPeriod]
    let bounds: [Int64]

    /// `count` consecutive periods ending with `last`.
    public init(ending last: ReportPeriod, count: Int, zone: ZoneClock) {
        periods = (0..<count).reversed().map { last.shifted(back: $0) }
        bounds = periods.map { $0.start(zone).ms } + [last.end(zone).ms]
    }

    public var count: Int { periods.count }

    /// The index of the period holding an instant, or -1.
    @inlinable public func index(_ t: Instant) -> Int {
        indexOf(t.ms)
    }

    @usableFromInline func indexOf(_ ms: Int64) -> Int {
        guard ms >= bounds[0], ms < bounds[bounds.count - 1] else { return -1 }
        var lo = 0, hi = bounds.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if bounds[mid] <= ms { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The end instant of period i (exclusive).
    public func end(_ i: Int) -> Instant { Instant(ms: bounds[i + 1]) }
}
