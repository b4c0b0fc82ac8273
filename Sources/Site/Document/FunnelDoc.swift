import Formatting
import Reports

/// report.json `funnel[]`: one pipeline's current cohort (its fields inline), the previous
/// cohort, breakdowns, closed deals.
public struct PipelineDoc: Codable, Sendable, Equatable {
    public var pipeline: String
    public var stageSource: String
    public var cohortStart: String
    public var cohortEnd: String
    public var deals: Int
    public var steps: [StepDoc]
    public var overallConversion: Double?
    public var previous: FunnelDoc
    public var breakdowns: [String: [GroupDoc]]
    public var closed: ClosedPair
    public var unknownStageRows: Int

    enum CodingKeys: String, CodingKey {
        case pipeline, stageSource = "stage_source", cohortStart = "cohort_start", cohortEnd = "cohort_end", deals, steps
        case overallConversion = "overall_conversion", previous, breakdowns, closed, unknownStageRows = "unknown_stage_rows"
    }

    public struct ClosedPair: Codable, Sendable, Equatable {
        public var period: ClosedDoc
        public var window: ClosedDoc
    }

    init(_ p: FunnelReport.Pipeline) {
        let cur = FunnelDoc(p.current, changes: p.conversionChanges)
        pipeline = p.name
        stageSource = p.stageSource.rawValue
        cohortStart = cur.cohortStart
        cohortEnd = cur.cohortEnd
        deals = cur.deals
        steps = cur.steps
        overallConversion = cur.overallConversion
        previous = FunnelDoc(p.previous, changes: nil)
        breakdowns = Dictionary(p.breakdowns.map { ($0.dimension.rawValue, $0.groups.map(GroupDoc.init)) }, uniquingKeysWith: { a, _ in a })
        closed = ClosedPair(period: ClosedDoc(p.closedInPeriod), window: ClosedDoc(p.closedInWindow))
        unknownStageRows = p.unknownStageRows
    }
}

/// A cohort's funnel: the deals created in [cohort_start, cohort_end) stage by stage.
public struct FunnelDoc: Codable, Sendable, Equatable {
    public var cohortStart: String
    public var cohortEnd: String
    public var deals: Int
    public var steps: [StepDoc]
    public var overallConversion: Double?

    enum CodingKeys: String, CodingKey {
        case cohortStart = "cohort_start", cohortEnd = "cohort_end", deals, steps, overallConversion = "overall_conversion"
    }

    init(_ f: FunnelReport.Funnel, changes: [Double?]?) {
        cohortStart = CivilDate.iso(f.cohortStart)
        cohortEnd = CivilDate.iso(f.cohortEnd)
        deals = f.deals
        steps = f.steps.enumerated().map { k, s in StepDoc(s, change: changes.flatMap { k < $0.count ? $0[k] : nil }, hasChange: changes != nil) }
        overallConversion = f.overallConversion
    }
}

public struct StepDoc: Codable, Sendable, Equatable {
    public var stage: String
    public var reached: Int
    public var stepConversion: Double?
    public var dropOff: Int?
    public var overallConversion: Double?
    /// The current cohort's overall conversion minus the previous cohort's (current cohort only).
    public var overallConversionChange: Double?
    public var medianDays: Double?
    public var p75Days: Double?
    public var timed: Int

    enum CodingKeys: String, CodingKey {
        case stage, reached, stepConversion = "step_conversion", dropOff = "drop_off", overallConversion = "overall_conversion"
        case overallConversionChange = "overall_conversion_change", medianDays = "median_days", p75Days = "p75_days", timed
    }

    init(_ s: FunnelReport.Step, change: Double?, hasChange: Bool) {
        stage = s.stage
        reached = s.reached
        stepConversion = s.stepConversion
        dropOff = s.dropOff
        overallConversion = s.overallConversion
        overallConversionChange = hasChange ? change : nil
        medianDays = s.medianDays
        p75Days = s.p75Days
        timed = s.timed
    }
}

public struct GroupDoc: Codable, Sendable, Equatable {
    public var group: String
    public var kind: String
    public var deals: Int
    public var won: Int
    public var overallConversion: Double?
    public var reached: [Int]
    /// Per step, reached over the group's deals.
    public var shares: [Double?]

    enum CodingKeys: String, CodingKey { case group, kind, deals, won, overallConversion = "overall_conversion", reached, shares }

    init(_ g: FunnelReport.Group) {
        group = g.label
        switch g.kind {
        case .value: kind = "value"
        case .none: kind = "none"
        case .other: kind = "other"
        }
        deals = g.deals
        won = g.won
        overallConversion = g.overallConversion
        reached = g.reached
        shares = g.shares
    }
}

public struct ClosedDoc: Codable, Sendable, Equatable {
    public struct LostReason: Codable, Sendable, Equatable {
        public var reason: String
        public var count: Int
    }
    public var start: String
    public var end: String
    public var won: Int
    public var lost: Int
    public var winRate: Double?
    public var wonAmount: Double
    public var averageWonDeal: Double?
    public var medianCycleDays: Double?
    public var lostReasons: [LostReason]

    enum CodingKeys: String, CodingKey {
        case start, end, won, lost, winRate = "win_rate", wonAmount = "won_amount", averageWonDeal = "average_won_deal"
        case medianCycleDays = "median_cycle_days", lostReasons = "lost_reasons"
    }

    init(_ c: FunnelReport.Closed) {
        start = CivilDate.iso(c.startDay)
        end = CivilDate.iso(c.endDay)
        won = c.won
        lost = c.lost
        winRate = c.winRate
        wonAmount = c.wonAmount
        averageWonDeal = c.averageWonDeal
        medianCycleDays = c.medianCycleDays
        lostReasons = c.lostReasons.map { LostReason(reason: $0.reason, count: $0.count) }
    }
}
