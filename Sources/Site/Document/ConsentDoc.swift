import Audits
import Formatting
import Results

/// report.json `consent`: outputs.md's `{checks, violations, warnings, info, waived, by_channel,
/// by_campaign}` (the audit's own encoding) plus what audit-consent.html shows besides: what each
/// check judged, the weekly violations of its chart, the campaigns ranked by violations, and how
/// many waivers expired or matched nothing.
public struct ConsentDoc: Codable, Sendable, Equatable {
    /// Unwaived message-level violations in one ISO week.
    public struct Week: Codable, Sendable, Equatable {
        public var week: String
        public var start: String
        public var violations: Int
    }

    /// An erasure clock running at A (`ConsentAudit.erasureDeadlines`), dates in the configured zone.
    public struct Erasure: Codable, Sendable, Equatable {
        public var contactID: Int64
        public var eventID: Int64
        public var withdrawn: String
        public var deadline: String
        public var daysLeft: Int
        public var overdue: Bool
        enum CodingKeys: String, CodingKey {
            case contactID = "contact_id", eventID = "event_id", withdrawn, deadline, daysLeft = "days_left", overdue
        }
    }

    /// A deleted contact messaged after its deletion.
    public struct DeletedMessaged: Codable, Sendable, Equatable {
        public var contactID: Int64
        public var deleted: String
        public var messages: Int
        public var lastSent: String
        enum CodingKeys: String, CodingKey { case contactID = "contact_id", deleted, messages, lastSent = "last_sent" }
    }

    public var report: ConsentReport
    /// Messages, unsubscribes, grants or contacts each check judged.
    public var judged: [String: Int]
    public var weekly: [Week]
    public var campaigns: [ConsentCampaign]
    public var expiredWaivers: Int
    public var unmatchedWaivers: Int
    /// Overdue first, then by days left and contact id.
    public var erasureDeadlines: [Erasure]
    public var deletedButMessaged: [DeletedMessaged]

    enum CodingKeys: String, CodingKey {
        case judged, weekly, campaigns
        case expiredWaivers = "expired_waivers", unmatchedWaivers = "unmatched_waivers"
        case erasureDeadlines = "erasure_deadlines", deletedButMessaged = "deleted_but_messaged"
    }

    public init(_ r: ConsentAuditResult) {
        let audit = r.audit
        report = audit.report
        judged = audit.judged
        weekly = audit.weekly.map { Week(week: $0.label, start: CivilDate.iso($0.startDay), violations: $0.count) }
        campaigns = ConsentCampaign.ranked(r)
        expiredWaivers = audit.waivers.expired.count
        unmatchedWaivers = audit.waivers.unmatched.count
        erasureDeadlines = audit.erasureDeadlines.map { e in
            Erasure(contactID: e.contactID, eventID: e.eventID, withdrawn: CivilDate.iso(e.withdrawnDay), deadline: CivilDate.iso(e.deadlineDay),
                    daysLeft: e.daysLeft, overdue: e.overdue)
        }
        deletedButMessaged = audit.deletedButMessaged.map { d in
            DeletedMessaged(contactID: d.contactID, deleted: CivilDate.iso(d.deletedDay), messages: d.messages, lastSent: CivilDate.iso(d.lastSentDay))
        }
    }

    public init(from decoder: any Decoder) throws {
        report = try ConsentReport(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        judged = try c.decode([String: Int].self, forKey: .judged)
        weekly = try c.decode([Week].self, forKey: .weekly)
        campaigns = try c.decode([ConsentCampaign].self, forKey: .campaigns)
        expiredWaivers = try c.decode(Int.self, forKey: .expiredWaivers)
        unmatchedWaivers = try c.decode(Int.self, forKey: .unmatchedWaivers)
        // Absent from report.json files written before these lists existed.
        erasureDeadlines = try c.decodeIfPresent([Erasure].self, forKey: .erasureDeadlines) ?? []
        deletedButMessaged = try c.decodeIfPresent([DeletedMessaged].self, forKey: .deletedButMessaged) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(judged, forKey: .judged)
        try c.encode(weekly, forKey: .weekly)
        try c.encode(campaigns, forKey: .campaigns)
        try c.encode(expiredWaivers, forKey: .expiredWaivers)
        try c.encode(unmatchedWaivers, forKey: .unmatchedWaivers)
        try c.encode(erasureDeadlines, forKey: .erasureDeadlines)
        try c.encode(deletedButMessaged, forKey: .deletedButMessaged)
    }
}
