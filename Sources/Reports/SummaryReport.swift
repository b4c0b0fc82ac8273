import CRMData

/// The figures of the weekly executive summary (metrics.md, "Executive summary").
public enum SummaryMetric: String, CaseIterable, Sendable {
    case revenue, orders, averageOrderValue = "average_order_value", orderingCustomers = "ordering_customers"
    case newCustomers = "new_customers", repeatShare = "repeat_share", returnsRate = "returns_rate"
    case dealsWon = "deals_won", wonAmount = "won_amount", winRate = "win_rate"
    case openPipelineValue = "open_pipeline_value", addressableBase = "addressable_base"
    case consentViolations = "consent_violations", staleShare = "stale_share"

    public enum Kind: Sendable { case money, count, rate }

    public var kind: Kind {
        switch self {
        case .revenue, .averageOrderValue, .wonAmount, .openPipelineValue: return .money
        case .repeatShare, .returnsRate, .winRate, .staleShare: return .rate
        default: return .count
        }
    }

    /// Taken at a moment (the as-of moment, or a period's end), not summed over the period.
    public var isPointInTime: Bool { [.openPipelineValue, .addressableBase, .staleShare].contains(self) }

    /// Figures that come from the audits.
    public var needsAudit: Bool { [.addressableBase, .consentViolations, .staleShare].contains(self) }

    /// Figures that need the optional `deals` table.
    public var needsDeals: Bool { [.dealsWon, .wonAmount, .winRate, .openPipelineValue].contains(self) }
}

/// One figure for the report period, the previous one and the same period a year ago.
public struct Figure: Sendable, Equatable {
    public var current: Double?
    public var previous: Double?
    public var yearAgo: Double?
    /// The last `SummaryReport.trendLength` periods, oldest first (the last is `current`).
    public var trend: [Double?]
    /// Why the figure is not available (an absent table, an audit not yet run); nil when it is.
    public var unavailable: Reason?

    public init(current: Double?, previous: Double?, yearAgo: Double?, trend: [Double?], unavailable: Reason?) {
        self.current = current
        self.previous = previous
        self.yearAgo = yearAgo
        self.trend = trend
        self.unavailable = unavailable
    }

    /// The change from the previous period, and from the same period a year ago.
    public var vsPrevious: Delta? { Delta(from: previous, to: current) }
    public var vsYearAgo: Delta? { Delta(from: yearAgo, to: current) }

    public static func missing(_ reason: Reason, trendLength: Int) -> Figure {
        Figure(current: nil, previous: nil, yearAgo: nil, trend: Array(repeating: nil, count: trendLength), unavailable: reason)
    }
}

/// The change from a base value: absolute, and relative unless the base is zero ("new").
public struct Delta: Sendable, Equatable {
    public let absolute: Double
    /// nil when the base is zero: the page says "new".
    public let relative: Double?

    public init?(from base: Double?, to value: Double?) {
        guard let base, let value else { return nil }
        absolute = value - base
        relative = base == 0 ? nil : (value - base) / abs(base)
    }
}

public struct SummaryReport: Sendable {
    public static let trendLength = 26

    public let period: ReportPeriod
    public let figures: [SummaryMetric: Figure]
    /// Revenue of the last 26 periods and of the same periods a year earlier, oldest first.
    public let revenueSeries: [Double]
    public let revenueSeriesYearAgo: [Double]
    public let seriesPeriods: [ReportPeriod]

    /// The same summary with one figure given, e.g. an audit's figure once the audit ran.
    public func replacing(_ m: SummaryMetric, with f: Figure) -> SummaryReport {
        var all = figures
        all[m] = f
        return SummaryReport(period: period, figures: all, revenueSeries: revenueSeries, revenueSeriesYearAgo: revenueSeriesYearAgo,
                             seriesPeriods: seriesPeriods)
    }

    /// A point-in-time figure known at the period's end, the previous period's and the year-ago
    /// period's only (an audit at 26 moments would cost more than the whole read): the trend
    /// holds the three, the rest unknown.
    public static func threePoints(current: Double?, previous: Double?, yearAgo: Double?, yearShift: Int) -> Figure {
        var trend = [Double?](repeating: nil, count: trendLength)
        trend[trendLength - 1] = current
        trend[trendLength - 2] = previous
        if yearShift < trendLength { trend[trendLength - 1 - yearShift] = yearAgo }
        return Figure(current: current, previous: previous, yearAgo: yearAgo, trend: trend, unavailable: nil)
    }

    public subscript(_ m: SummaryMetric) -> Figure { figures[m] ?? .missing(.notAudited, trendLength: Self.trendLength) }
}
