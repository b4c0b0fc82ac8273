import CRMData
import Formatting
import Reports

/// report.json `campaigns[]`: outputs.md's fields plus the dates, the persistence comparison
/// and the message funnel's rates.
public struct CampaignDoc: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var channel: String?
    public var kind: String?
    public var startedAt: String?
    public var endedAt: String?
    public var status: String
    public var windowDays: Int
    public var firstAssignedAt: String?
    public var windowsCloseAt: String?
    public var cost: Double?
    public var effect: ComparisonDoc
    public var roi: Double?
    public var contaminatedControls: Int
    /// Contaminated control members over the control arm.
    public var contaminationShare: Double?
    public var persistence: PersistenceDoc
    public var messages: MessagesDoc?

    enum CodingKeys: String, CodingKey {
        case id, name, channel, kind, startedAt = "started_at", endedAt = "ended_at", status, windowDays = "window_days"
        case firstAssignedAt = "first_assigned_at", windowsCloseAt = "windows_close_at", cost, roi
        case contaminatedControls = "contaminated_controls", contaminationShare = "contamination_share", persistence, messages
    }

    // The comparison's fields sit inline in the campaign object (outputs.md).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        channel = try c.decodeIfPresent(String.self, forKey: .channel)
        kind = try c.decodeIfPresent(String.self, forKey: .kind)
        startedAt = try c.decodeIfPresent(String.self, forKey: .startedAt)
        endedAt = try c.decodeIfPresent(String.self, forKey: .endedAt)
        status = try c.decode(String.self, forKey: .status)
        windowDays = try c.decode(Int.self, forKey: .windowDays)
        firstAssignedAt = try c.decodeIfPresent(String.self, forKey: .firstAssignedAt)
        windowsCloseAt = try c.decodeIfPresent(String.self, forKey: .windowsCloseAt)
        cost = try c.decodeIfPresent(Double.self, forKey: .cost)
        effect = try ComparisonDoc(from: decoder)
        roi = try c.decodeIfPresent(Double.self, forKey: .roi)
        contaminatedControls = try c.decode(Int.self, forKey: .contaminatedControls)
        contaminationShare = try c.decodeIfPresent(Double.self, forKey: .contaminationShare)
        persistence = try c.decode(PersistenceDoc.self, forKey: .persistence)
        messages = try c.decodeIfPresent(MessagesDoc.self, forKey: .messages)
    }

    public func encode(to encoder: any Encoder) throws {
        try effect.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(channel, forKey: .channel)
        try c.encode(kind, forKey: .kind)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(endedAt, forKey: .endedAt)
        try c.encode(status, forKey: .status)
        try c.encode(windowDays, forKey: .windowDays)
        try c.encode(firstAssignedAt, forKey: .firstAssignedAt)
        try c.encode(windowsCloseAt, forKey: .windowsCloseAt)
        try c.encode(cost, forKey: .cost)
        try c.encode(roi, forKey: .roi)
        try c.encode(contaminatedControls, forKey: .contaminatedControls)
        try c.encode(contaminationShare, forKey: .contaminationShare)
        try c.encode(persistence, forKey: .persistence)
        try c.encode(messages, forKey: .messages)
    }

    init(_ c: CampaignResult, zone: ZoneClock) {
        func day(_ t: Instant) -> String? { t.exists ? CivilDate.iso(zone.day(of: t)) : nil }
        id = c.id
        name = c.name
        channel = c.channel
        kind = c.kind
        startedAt = day(c.startedAt)
        endedAt = day(c.endedAt)
        status = c.status.rawValue
        windowDays = c.windowDays
        firstAssignedAt = day(c.firstAssigned)
        windowsCloseAt = day(c.windowsClose)
        cost = c.cost
        effect = ComparisonDoc(c.effect)
        roi = c.roi
        contaminatedControls = c.contaminatedControls
        contaminationShare = c.contaminationShare
        persistence = PersistenceDoc(days: c.persistenceDays, status: c.persistenceStatus.rawValue, closesAt: day(c.persistenceClose),
                                     effect: ComparisonDoc(c.persistence))
        messages = c.messages.map(MessagesDoc.init)
    }
}

/// The arms, uplift, revenue difference, incremental figures, verdict and MDE of one window.
public struct ComparisonDoc: Codable, Sendable, Equatable {
    public struct Arm: Codable, Sendable, Equatable {
        public var n: Int
        public var converted: Int
        public var rate: Double?
        public var revenue: Double
        public var revenuePerMember: Double?
        enum CodingKeys: String, CodingKey { case n, converted, rate, revenue, revenuePerMember = "revenue_per_member" }
        init(_ a: ArmOutcome) {
            n = a.n
            converted = a.converted
            rate = a.rate
            revenue = a.revenue
            revenuePerMember = a.revenuePerMember
        }
    }

    public struct Uplift: Codable, Sendable, Equatable {
        public var absolute: Double
        public var relative: Double?
        public var ciLow: Double?
        public var ciHigh: Double?
        public var pValue: Double?
        enum CodingKeys: String, CodingKey { case absolute, relative, ciLow = "ci_low", ciHigh = "ci_high", pValue = "p_value" }
    }

    public struct RevenueDifference: Codable, Sendable, Equatable {
        public var value: Double
        public var ciLow: Double?
        public var ciHigh: Double?
        public var df: Double?
        enum CodingKeys: String, CodingKey { case value, ciLow = "ci_low", ciHigh = "ci_high", df }
    }

    /// The revenue interval scaled to the treatment arm.
    public struct Range: Codable, Sendable, Equatable {
        public var ciLow: Double
        public var ciHigh: Double
        enum CodingKeys: String, CodingKey { case ciLow = "ci_low", ciHigh = "ci_high" }
    }

    public var treatment: Arm
    public var control: Arm?
    public var uplift: Uplift?
    public var revenueDifference: RevenueDifference?
    public var incrementalConversions: Double?
    public var incrementalRevenue: Double?
    public var incrementalRevenueInterval: Range?
    public var verdict: String
    public var notMeasurableReason: String?
    public var mde: Double?

    enum CodingKeys: String, CodingKey {
        case treatment, control, uplift, revenueDifference = "revenue_difference", incrementalConversions = "incremental_conversions"
        case incrementalRevenue = "incremental_revenue", incrementalRevenueInterval = "incremental_revenue_interval", verdict
        case notMeasurableReason = "not_measurable_reason", mde
    }

    init(_ e: ArmComparison) {
        treatment = Arm(e.treatment)
        control = e.control.map(Arm.init)
        uplift = e.uplift.map { Uplift(absolute: $0, relative: e.relativeUplift, ciLow: e.upliftInterval?.low, ciHigh: e.upliftInterval?.high,
                                       pValue: e.pValue) }
        revenueDifference = e.revenueDifference.map { RevenueDifference(value: $0, ciLow: e.revenueWelch?.low, ciHigh: e.revenueWelch?.high,
                                                                        df: e.revenueWelch?.degreesOfFreedom) }
        incrementalConversions = e.incrementalConversions
        incrementalRevenue = e.incrementalRevenue
        incrementalRevenueInterval = e.incrementalRevenueInterval.map { Range(ciLow: $0.low, ciHigh: $0.high) }
        verdict = e.verdict.rawValue
        notMeasurableReason = e.unmeasurable?.rawValue
        mde = e.minimumDetectableEffect
    }
}

/// The same comparison over the days after each member's window.
public struct PersistenceDoc: Codable, Sendable, Equatable {
    public var days: Int
    public var status: String
    public var closesAt: String?
    public var effect: ComparisonDoc

    enum CodingKeys: String, CodingKey { case days, status, closesAt = "closes_at" }

    init(days: Int, status: String, closesAt: String?, effect: ComparisonDoc) {
        self.days = days
        self.status = status
        self.closesAt = closesAt
        self.effect = effect
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        days = try c.decode(Int.self, forKey: .days)
        status = try c.decode(String.self, forKey: .status)
        closesAt = try c.decodeIfPresent(String.self, forKey: .closesAt)
        effect = try ComparisonDoc(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try effect.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(days, forKey: .days)
        try c.encode(status, forKey: .status)
        try c.encode(closesAt, forKey: .closesAt)
    }
}

public struct MessagesDoc: Codable, Sendable, Equatable {
    public var sent, delivered, opened, clicked, unsubscribed, hardBounces: Int
    public var deliveryRate, openRate, clickThroughRate, clickToOpenRate, unsubscribeRate: Double?

    enum CodingKeys: String, CodingKey {
        case sent, delivered, opened, clicked, unsubscribed, hardBounces = "hard_bounces", deliveryRate = "delivery_rate"
        case openRate = "open_rate", clickThroughRate = "click_through_rate", clickToOpenRate = "click_to_open_rate"
        case unsubscribeRate = "unsubscribe_rate"
    }

    init(_ f: MessageFunnel) {
        sent = f.sent
        delivered = f.delivered
        opened = f.opened
        clicked = f.clicked
        unsubscribed = f.unsubscribed
        hardBounces = f.hardBounces
        deliveryRate = f.deliveryRate
        openRate = f.openRate
        clickThroughRate = f.clickThroughRate
        clickToOpenRate = f.clickToOpenRate
        unsubscribeRate = f.unsubscribeRate
    }
}
