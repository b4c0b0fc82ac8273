import CRMData

/// The deal funnel of each pipeline (metrics.md, "Funnel conversion"): the cohort of deals
/// created in the last `funnel.window_weeks` weeks against the weeks just before, the reach
/// and timing of every stage, breakdowns by channel, owner and region, and the deals closed.
public struct FunnelReport: Sendable {
    /// One step of a funnel: a configured stage, or the final `won`.
    public struct Step: Sendable, Equatable {
        public var stage: String
        public var reached: Int
        /// reached(k) / reached(k - 1); 1 for the first step; nil over zero.
        public var stepConversion: Double?
        /// reached(k - 1) - reached(k); nil for the first step.
        public var dropOff: Int?
        /// reached(k) / reached(first); nil over zero.
        public var overallConversion: Double?
        /// Days from creation to the first entry into the stage (to closing for `won`),
        /// over the deals that reached it with a recorded time.
        public var medianDays: Double?
        public var p75Days: Double?
        /// How many deals the two figures above are taken over.
        public var timed: Int
    }

    /// The funnel of one cohort of deals.
    public struct Funnel: Sendable, Equatable {
        /// Local day numbers; the end is exclusive.
        public var cohortStart: Int
        public var cohortEnd: Int
        public var steps: [Step]
        /// reached(won) / reached(first); nil for an empty cohort.
        public var overallConversion: Double? { steps.last?.overallConversion }
        public var deals: Int { steps.first?.reached ?? 0 }
    }

    /// The dimensions of the breakdowns.
    public enum Dimension: String, CaseIterable, Sendable { case channel, owner, region }

    /// One group of a breakdown: its label ("(none)" for NULL, "other" for the folded small groups).
    public struct Group: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case value, none, other }
        public var label: String
        public var kind: Kind
        /// reached per step, in the pipeline's step order.
        public var reached: [Int]
        public var deals: Int { reached.first ?? 0 }
        public var won: Int { reached.last ?? 0 }
        public var overallConversion: Double? { deals > 0 ? Double(won) / Double(deals) : nil }
    }

    /// A breakdown of the current cohort: its groups, best overall conversion first, "other" last.
    public struct Breakdown: Sendable, Equatable {
        public var dimension: Dimension
        public var groups: [Group]
        /// How many small groups were folded into "other".
        public var folded: Int
    }

    /// Deals closed (won or lost) in a span of time.
    public struct Closed: Sendable, Equatable {
        public var startDay: Int
        public var endDay: Int
        public var won: Int
        public var lost: Int
        public var wonAmount: Double
        /// won / (won + lost); nil when none closed.
        public var winRate: Double?
        /// won amount / won deals with an amount; nil when none.
        public var averageWonDeal: Double?
        /// Median days from creation to closing of the won deals.
        public var medianCycleDays: Double?
        /// Lost deals by reason, most frequent first ("(none)" for no reason).
        public var lostReasons: [(reason: String, count: Int)]

        public static func == (a: Closed, b: Closed) -> Bool {
            a.startDay == b.startDay && a.endDay == b.endDay && a.won == b.won && a.lost == b.lost && a.wonAmount == b.wonAmount
                && a.winRate == b.winRate && a.averageWonDeal == b.averageWonDeal && a.medianCycleDays == b.medianCycleDays
                && a.lostReasons.map(\.reason) == b.lostReasons.map(\.reason) && a.lostReasons.map(\.count) == b.lostReasons.map(\.count)
        }
    }

    /// Where the stage order of a pipeline came from.
    public enum StageSource: String, Sendable { case config, pipelineStages = "pipeline_stages", observed }

    public struct Pipeline: Sendable {
        public var name: String
        /// The configured stages, without the final `won`.
        public var stages: [String]
        public var stageSource: StageSource
        public var current: Funnel
        public var previous: Funnel
        public var breakdowns: [Breakdown]
        /// Closed in the report period, and in the current cohort's weeks.
        public var closedInPeriod: Closed
        public var closedInWindow: Closed
        /// Days from creation to won for the won deals of the current cohort (for the histogram).
        public var daysToWon: [Double]
        /// Stage rows of this pipeline's cohort deals naming a stage outside its order (left out).
        public var unknownStageRows: Int
    }

    public static let wonStep = "won"
    /// The first step of a pipeline with no known stages.
    public static let createdStep = "created"
    public static let otherGroup = "other"
    public static let noneGroup = "(none)"

    /// nil when the report cannot be made; `unavailable` says why.
    public var pipelines: [Pipeline]
    public var unavailable: Reason?
    public var windowWeeks: Int
    public var minGroup: Int
}
