import Formatting
import Reports

/// report.json `cohorts`: the acquisition cohorts and LTV (with CAC) by source.
public struct CohortsDoc: Codable, Sendable, Equatable {
    public struct Cohort: Codable, Sendable, Equatable {
        public var cohort: String
        public var start: String
        public var size: Int
        public var active: [Int]
        public var retention: [Double?]
        public var revenuePerCustomer: [Double?]
        public var cumulativeLtv: [Double?]
        enum CodingKeys: String, CodingKey {
            case cohort, start, size, active, retention, revenuePerCustomer = "revenue_per_customer", cumulativeLtv = "cumulative_ltv"
        }
    }

    public struct SourceLTV: Codable, Sendable, Equatable {
        public var source: String
        public var periods: Int
        public var cohorts: Int
        public var customers: Int
        public var ltv: Double?
        public var spend: Double?
        public var cac: Double?
        public var ltvCac: Double?
        enum CodingKeys: String, CodingKey { case source, periods, cohorts, customers, ltv, spend, cac, ltvCac = "ltv_cac" }

        init(_ s: CohortReport.SourceLTV) {
            source = s.source
            periods = s.periods
            cohorts = s.cohorts
            customers = s.customers
            ltv = s.ltv
            spend = s.spend
            cac = s.cac
            ltvCac = s.ltvCac
        }
    }

    public var grain: String
    public var cohorts: [Cohort]
    public var bySource: [SourceLTV]
    public var overall: [SourceLTV]
    enum CodingKeys: String, CodingKey { case grain, cohorts, bySource = "by_source", overall }

    init(_ r: CohortReport) {
        grain = r.grain.rawValue
        cohorts = r.cohorts.map { c in
            Cohort(cohort: c.label, start: CivilDate.iso(c.startDay), size: c.size, active: c.active, retention: c.retention,
                   revenuePerCustomer: c.revenuePerCustomer, cumulativeLtv: c.cumulativeLTV)
        }
        bySource = r.bySource.map(SourceLTV.init)
        overall = r.overall.map(SourceLTV.init)
    }
}

/// report.json `rfm`: segments, the R-by-F grid and the movement since one period earlier.
public struct RFMDoc: Codable, Sendable, Equatable {
    public struct SegmentDoc: Codable, Sendable, Equatable {
        public var segment: String
        public var customers: Int
        public var customerShare: Double?
        public var revenue: Double
        public var revenueShare: Double?
        public var previousCustomers: Int
        public var change: Int
        enum CodingKeys: String, CodingKey {
            case segment, customers, customerShare = "customer_share", revenue, revenueShare = "revenue_share"
            case previousCustomers = "previous_customers", change
        }
    }

    /// Customers who were in `from` one period earlier and are in `to` now (nil: not in RFM then / now).
    public struct Move: Codable, Sendable, Equatable {
        public var from: String?
        public var to: String?
        public var customers: Int
    }

    /// Customers now in a segment (nil: no longer in RFM), from anywhere.
    public struct Arrivals: Codable, Sendable, Equatable {
        public var segment: String?
        public var customers: Int
    }

    public var asOf: String
    public var previousAsOf: String
    public var windowDays: Int
    public var customers: Int
    public var previousCustomers: Int
    public var segments: [SegmentDoc]
    /// grid[r - 1][f - 1]: customers with recency score r and frequency score f.
    public var grid: [[Int]]
    public var transitions: [Move]
    public var transitionTotals: [Arrivals]

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of", previousAsOf = "previous_as_of", windowDays = "window_days", customers
        case previousCustomers = "previous_customers", segments, grid, transitions, transitionTotals = "transition_totals"
    }

    init(_ r: RFMReport) {
        let all = RFMReport.Segment.allCases
        func id(_ i: Int) -> String? { i < all.count ? all[i].rawValue : nil }
        var moves: [Move] = []
        for from in 0...all.count {
            for to in 0...all.count where r.transitions[from][to] > 0 {
                moves.append(Move(from: id(from), to: id(to), customers: r.transitions[from][to]))
            }
        }
        asOf = CivilDate.iso(r.current.day)
        previousAsOf = CivilDate.iso(r.previous.day)
        windowDays = r.windowDays
        customers = r.customers
        previousCustomers = r.previous.scored
        segments = r.segments.map { s in
            SegmentDoc(segment: s.segment.rawValue, customers: s.customers, customerShare: s.customerShare, revenue: s.revenue,
                       revenueShare: s.revenueShare, previousCustomers: s.previousCustomers, change: s.change)
        }
        grid = r.grid
        transitions = moves
        transitionTotals = r.transitionTotals.enumerated().map { Arrivals(segment: id($0.offset), customers: $0.element) }
    }
}
