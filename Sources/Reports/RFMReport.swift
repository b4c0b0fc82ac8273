import CRMData
import Formatting

/// RFM segments of the customers (metrics.md, "RFM segments"): recency, frequency and
/// monetary value over the `rfm.window_days` before a moment, scored 1 to 5 with the
/// tie-stable formula, and segmented by (R, F). Made at the as-of moment and one period
/// earlier, so the movement between segments can be shown.
public struct RFMReport: Sendable {
    /// The segments, best first. Raw values are report.json's ids.
    public enum Segment: String, CaseIterable, Sendable {
        case champions, loyal, potentialLoyalists = "potential_loyalists", new, promising
        case needAttention = "need_attention", aboutToSleep = "about_to_sleep", cantLose = "cant_lose", atRisk = "at_risk"
        case hibernating

        /// The segment of an (R score, F score) pair, each 1...5.
        public static func of(r: Int, f: Int) -> Segment {
            switch (r, f) {
            case (1...2, 1...2): return .hibernating
            case (1...2, 3...4): return .atRisk
            case (1...2, _): return .cantLose
            case (3, 1...2): return .aboutToSleep
            case (3, 3): return .needAttention
            case (3...4, 4...5): return .loyal
            case (4, 1): return .promising
            case (5, 1): return .new
            case (4...5, 2...3): return .potentialLoyalists
            default: return .champions
            }
        }

        var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    }

    /// The scores of every contact at one moment. Arrays run over the snapshot's contacts;
    /// a contact not scored (no completed order in the window, or deleted) has scores 0.
    public struct Scoring: Sendable {
        /// Local day number of the moment (the start of that day).
        public var day: Int
        public var recencyDays: [Int32]
        public var frequency: [Int32]
        /// Exact; `.major` for the amount in major units.
        public var monetary: [Money]
        public var r: [UInt8]
        public var f: [UInt8]
        public var m: [UInt8]
        /// Segment index in `Segment.allCases`, -1 when not scored.
        public var segment: [Int8]
        public var scored: Int

        public func segment(ofRow row: Int) -> Segment? {
            segment[row] >= 0 ? Segment.allCases[Int(segment[row])] : nil
        }
    }

    public struct SegmentFigures: Sendable, Equatable {
        public var segment: Segment
        public var customers: Int
        public var revenue: Double
        /// Shares of all scored customers and their revenue; nil when there are none.
        public var customerShare: Double?
        public var revenueShare: Double?
        public var previousCustomers: Int
    }

    public var windowDays: Int
    public var current: Scoring
    public var previous: Scoring
    /// In `Segment.allCases` order.
    public var segments: [SegmentFigures]
    /// Customers by R score (row r - 1) and F score (column f - 1), at the as-of moment.
    public var grid: [[Int]]
    /// transitions[from][to]: index `Segment.allCases.count` is "not scored" (new to RFM, or dropped out).
    public var transitions: [[Int]]

    public var customers: Int { current.scored }
    /// The scored customers' revenue, summed exactly.
    public var revenue: Double { current.monetary.sum().major }
}
