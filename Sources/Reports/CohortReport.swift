import CRMData
import Formatting

/// Acquisition cohorts of customers (metrics.md, "Cohorts"): for each of the last
/// `cohorts.count` months (or weeks) that have ended, the customers whose first completed
/// order fell in it, and how many of them ordered again and spent in each later period
/// that has ended. Periods that have not ended are absent, never shown as zero.
public struct CohortReport: Sendable {
    public struct Cohort: Sendable, Equatable {
        /// "2026-01" or "2026-W03".
        public var label: String
        /// Local day numbers of the acquisition unit; the end is exclusive.
        public var startDay: Int
        public var endDay: Int
        public var size: Int
        /// Per period index k that has ended: customers with a completed order in it, and their revenue.
        public var active: [Int]
        public var revenue: [Double]
        /// active / size; nil for an empty cohort.
        public var retention: [Double?] { active.map { size > 0 ? Double($0) / Double(size) : nil } }
        public var revenuePerCustomer: [Double?] { revenue.map { size > 0 ? $0 / Double(size) : nil } }
        /// The running sum of revenue per customer.
        public var cumulativeLTV: [Double?] {
            guard size > 0 else { return revenue.map { _ in nil } }
            var sum = 0.0
            return revenue.map { sum += $0; return sum / Double(size) }
        }
    }

    /// LTV at N periods for one acquisition source (or all), over the shown cohorts with N complete periods.
    public struct SourceLTV: Sendable, Equatable {
        public var source: String
        public var periods: Int
        /// The cohorts pooled (those with N complete periods).
        public var cohorts: Int
        public var customers: Int
        /// Revenue of these customers in periods 0..N-1 / customers; nil without customers.
        public var ltv: Double?
        /// Acquisition spend of the source over those cohorts' acquisition units; nil without `acquisition_costs`.
        public var spend: Double?
        /// spend / customers; nil without costs or customers.
        public var cac: Double?
        /// ltv / cac; nil when the spend is zero.
        public var ltvCac: Double?
    }

    public static let ltvPeriods = [3, 6, 12]
    public static let allSources = "(all)"

    public var grain: ReportConfig.Grain
    /// Oldest first.
    public var cohorts: [Cohort]
    /// Per source (most customers first), N ascending.
    public var bySource: [SourceLTV]
    /// The same over every source.
    public var overall: [SourceLTV]
    /// Whether the optional `acquisition_costs` table was read.
    public var hasCosts: Bool
}
