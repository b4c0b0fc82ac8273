import CRMData
import Statistics

/// What the comparison of a campaign's arms says (metrics.md, "Campaign effect", "Verdict").
public enum CampaignVerdict: String, Sendable, CaseIterable {
    /// The 95% interval of the uplift lies above zero.
    case positive
    /// The 95% interval lies below zero.
    case negative
    /// The interval includes zero: no effect detected (which is not "no effect").
    case noEffect = "no_effect"
    /// No control arm, or an empty treatment arm.
    case notMeasurable = "not_measurable"
}

/// Whether every member's window has closed before the as-of moment.
public enum CampaignStatus: String, Sendable {
    case complete
    /// Some window is still open at the as-of moment: the numbers are provisional.
    case inProgress = "in_progress"
    /// No window has begun yet (only for persistence: no attribution window has closed).
    case notStarted = "not_started"
}

/// Why an effect cannot be measured.
public enum UnmeasurableReason: String, Sendable {
    case noControl = "no_control_arm"
    case emptyTreatment = "empty_treatment_arm"
}

/// One arm's outcomes over a window: members, converters, and the revenue of each member
/// (as mean and spread, which is all Welch's interval needs).
public struct ArmOutcome: Sendable, Equatable {
    public var n: Int = 0
    public var converted: Int = 0
    /// The sum of the members' completed revenue in their windows, exact.
    public var revenueTotal = Money.zero
    /// `revenueTotal` in major units.
    public var revenue: Double { revenueTotal.major }
    /// Revenue per member: its mean and sample variance over the arm's members (zeros included).
    public var perMember = RunningMoments()

    public init() {}

    /// An arm from its members' outcomes (for tests and small examples).
    public init(members: [(converted: Bool, revenue: Double)]) {
        for m in members { add(converted: m.converted, revenue: Money(major: m.revenue) ?? .zero) }
    }

    @inline(__always) mutating func add(converted c: Bool, revenue r: Money) {
        n += 1
        if c { converted += 1 }
        revenueTotal += r
        perMember.add(r.major)
    }

    /// converted / n; nil for an empty arm.
    public var rate: Double? { n > 0 ? Double(converted) / Double(n) : nil }
    /// Revenue / n; nil for an empty arm.
    public var revenuePerMember: Double? { n > 0 ? revenue / Double(n) : nil }
}

/// The treatment arm against the control arm over one window: the uplift with its Newcombe
/// interval and z-test, the revenue difference with Welch's interval, the incremental figures,
/// the verdict and the minimum detectable effect. Undefined statistics are nil, never NaN.
public struct ArmComparison: Sendable {
    public let treatment: ArmOutcome
    /// nil when the campaign has no control arm.
    public let control: ArmOutcome?
    public let verdict: CampaignVerdict
    public let unmeasurable: UnmeasurableReason?
    /// p_t - p_c (a difference of fractions).
    public let uplift: Double?
    /// (p_t - p_c) / p_c; nil when p_c = 0.
    public let relativeUplift: Double?
    /// 95% Newcombe hybrid score interval of p_t - p_c.
    public let upliftInterval: Interval?
    /// Two-sided pooled two-proportion z-test; nil when the pooled standard error is 0.
    public let pValue: Double?
    /// Revenue per member, treatment minus control.
    public let revenueDifference: Double?
    /// 95% Welch interval; nil when an arm has fewer than 2 members or both variances are 0.
    public let revenueWelch: WelchResult?
    /// (p_t - p_c) x n_t.
    public let incrementalConversions: Double?
    /// (revenue per member_t - revenue per member_c) x n_t.
    public let incrementalRevenue: Double?
    /// The smallest uplift these arm sizes detect with 80% power at the 5% level; nil when
    /// p_c is 0 or 1 (the formula would say 0, which no experiment can detect).
    public let minimumDetectableEffect: Double?

    public init(treatment t: ArmOutcome, control c: ArmOutcome?) {
        treatment = t
        control = c
        guard let c, c.n > 0, t.n > 0, let pt = t.rate, let pc = c.rate,
              let rt = t.revenuePerMember, let rc = c.revenuePerMember else {
            verdict = .notMeasurable
            unmeasurable = (c?.n ?? 0) == 0 ? .noControl : .emptyTreatment
            uplift = nil; relativeUplift = nil; upliftInterval = nil; pValue = nil
            revenueDifference = nil; revenueWelch = nil; incrementalConversions = nil; incrementalRevenue = nil
            minimumDetectableEffect = nil
            return
        }
        unmeasurable = nil
        let d = pt - pc
        uplift = d
        relativeUplift = pc > 0 ? d / pc : nil
        let interval = Stats.newcombeDifference(successes1: t.converted, n1: t.n, successes2: c.converted, n2: c.n)
        upliftInterval = interval
        pValue = Stats.twoProportionZTest(successes1: t.converted, n1: t.n, successes2: c.converted, n2: c.n)?.p
        revenueDifference = rt - rc
        revenueWelch = Stats.welch(mean1: t.perMember.mean, variance1: t.perMember.sampleVariance, n1: t.n,
                                   mean2: c.perMember.mean, variance2: c.perMember.sampleVariance, n2: c.n)
        incrementalConversions = d * Double(t.n)
        incrementalRevenue = (rt - rc) * Double(t.n)
        if let interval, interval.low > 0 {
            verdict = .positive
        } else if let interval, interval.high < 0 {
            verdict = .negative
        } else {
            verdict = .noEffect
        }
        minimumDetectableEffect = pc > 0 && pc < 1
            ? Stats.minimumDetectableEffect(pControl: pc, nTreatment: t.n, nControl: c.n) : nil
    }
}

/// Sent, delivered, opened, clicked, unsubscribed and hard-bounced messages of a campaign,
/// and the rates marketers read off them.
public struct MessageFunnel: Sendable, Equatable {
    public var sent = 0, delivered = 0, opened = 0, clicked = 0, unsubscribed = 0, hardBounces = 0
    public init() {}

    static func ratio(_ a: Int, _ b: Int) -> Double? { b > 0 ? Double(a) / Double(b) : nil }
    /// delivered / sent.
    public var deliveryRate: Double? { Self.ratio(delivered, sent) }
    /// opened / delivered.
    public var openRate: Double? { Self.ratio(opened, delivered) }
    /// clicked / delivered.
    public var clickThroughRate: Double? { Self.ratio(clicked, delivered) }
    /// clicked / opened.
    public var clickToOpenRate: Double? { Self.ratio(clicked, opened) }
    /// unsubscribed / delivered.
    public var unsubscribeRate: Double? { Self.ratio(unsubscribed, delivered) }
}

/// One campaign's effect: its attribution window, the persistence window after it, the
/// contamination of its control arm and its message funnel.
public struct CampaignResult: Sendable {
    public let id: Int64
    public let name: String
    public let channel: String?
    public let kind: String?
    public let startedAt: Instant
    public let endedAt: Instant
    /// nil when unknown.
    public let cost: Double?
    public let windowDays: Int
    /// The earliest and latest assignment of a member.
    public let firstAssigned: Instant
    public let lastAssigned: Instant
    /// The end (exclusive) of the latest member's window.
    public let windowsClose: Instant
    public let status: CampaignStatus
    /// The attribution window [assigned_at, assigned_at + window days).
    public let effect: ArmComparison
    /// (incremental revenue - cost) / cost, when the cost is known and above 0.
    public let roi: Double?
    /// Control members who were sent a message of this campaign (kept in control: intention to treat).
    public let contaminatedControls: Int
    public let persistenceDays: Int
    /// The window after the attribution window: [assigned_at + window days, + persistence days),
    /// over the members whose persistence window began before the as-of moment (a member
    /// still in their attribution window has no persistence outcome yet, not a zero one).
    public let persistence: ArmComparison
    public let persistenceStatus: CampaignStatus
    public let persistenceClose: Instant
    /// nil when the optional table `messages` is absent.
    public let messages: MessageFunnel?
}

/// The campaign-effect report (metrics.md, "Campaign effect"): every campaign started before
/// the as-of moment whose windows touch the last `lookbackWeeks` weeks, newest first.
public struct CampaignReport: Sendable {
    /// How far back a campaign's windows may have closed and still be shown.
    public static let lookbackWeeks = 13

    public let campaigns: [CampaignResult]
    /// Campaigns whose latest window closes after this moment are shown.
    public let lookbackStart: Instant
    public let asOf: Instant
    public let defaultWindowDays: Int
    public let persistenceDays: Int
    /// Why the report could not be made (an absent optional table); nil when it was.
    public let unavailable: Reason?

    /// Measurable campaigns by incremental revenue, largest first (ties: newest first).
    public var rankedByIncrementalRevenue: [CampaignResult] {
        campaigns.enumerated()
            .compactMap { i, c in c.effect.incrementalRevenue.map { (i, c, $0) } }
            .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
            .map(\.1)
    }
}
