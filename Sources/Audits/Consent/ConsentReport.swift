/// The `consent` section of report.json (outputs.md), exactly: snake_case keys, open findings by
/// check (every check; null for a check that did not run), by severity, waived apart (in all and
/// by check), those whose waiver expired (counted as open), by check and channel, and by
/// campaign and check (campaign id, then check id); the channel and campaign counts are open findings.
public struct ConsentReport: Codable, Sendable, Equatable {
    public struct Campaign: Codable, Sendable, Equatable {
        public var campaignID: Int64
        public var check: String
        public var count: Int

        enum CodingKeys: String, CodingKey {
            case campaignID = "campaign_id"
            case check, count
        }
    }

    public var checks: [String: Int?]
    public var violations: Int
    public var warnings: Int
    public var info: Int
    public var waived: Int
    public var waivedByCheck: [String: Int]
    public var expiredWaiver: Int
    public var expiredWaiverByCheck: [String: Int]
    /// Message-level findings: {check: {channel: count}}, non-zero counts only.
    public var byChannel: [String: [String: Int]]
    public var byCampaign: [Campaign]

    enum CodingKeys: String, CodingKey {
        case checks, violations, warnings, info, waived
        case waivedByCheck = "waived_by_check", expiredWaiver = "expired_waiver", expiredWaiverByCheck = "expired_waiver_by_check"
        case byChannel = "by_channel"
        case byCampaign = "by_campaign"
    }

    public init(checks: [String: Int?], violations: Int, warnings: Int, info: Int, waived: Int, waivedByCheck: [String: Int],
                expiredWaiver: Int, expiredWaiverByCheck: [String: Int], byChannel: [String: [String: Int]], byCampaign: [Campaign]) {
        self.checks = checks
        self.violations = violations
        self.warnings = warnings
        self.info = info
        self.waived = waived
        self.waivedByCheck = waivedByCheck
        self.expiredWaiver = expiredWaiver
        self.expiredWaiverByCheck = expiredWaiverByCheck
        self.byChannel = byChannel
        self.byCampaign = byCampaign
    }

    /// Reads schema 1 too (the archive reads earlier periods): the waiver counts by check were added in schema 2.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        checks = try c.decode([String: Int?].self, forKey: .checks)
        violations = try c.decode(Int.self, forKey: .violations)
        warnings = try c.decode(Int.self, forKey: .warnings)
        info = try c.decode(Int.self, forKey: .info)
        waived = try c.decode(Int.self, forKey: .waived)
        waivedByCheck = try c.decodeIfPresent([String: Int].self, forKey: .waivedByCheck) ?? [:]
        expiredWaiver = try c.decodeIfPresent(Int.self, forKey: .expiredWaiver) ?? 0
        expiredWaiverByCheck = try c.decodeIfPresent([String: Int].self, forKey: .expiredWaiverByCheck) ?? [:]
        byChannel = try c.decode([String: [String: Int]].self, forKey: .byChannel)
        byCampaign = try c.decode([Campaign].self, forKey: .byCampaign)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(checks, forKey: .checks)   // null, not absent, for a check not run
        try c.encode(violations, forKey: .violations)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(info, forKey: .info)
        try c.encode(waived, forKey: .waived)
        try c.encode(waivedByCheck, forKey: .waivedByCheck)
        try c.encode(expiredWaiver, forKey: .expiredWaiver)
        try c.encode(expiredWaiverByCheck, forKey: .expiredWaiverByCheck)
        try c.encode(byChannel, forKey: .byChannel)
        try c.encode(byCampaign, forKey: .byCampaign)
    }
}

extension ConsentAudit {
    /// The report.json form.
    public var report: ConsentReport {
        ConsentReport(checks: counts.reduce(into: [:]) { $0.updateValue(ran($1.key) ? $1.value : nil, forKey: $1.key) }, violations: violations,
                      warnings: warnings, info: info, waived: waived, waivedByCheck: waivedCounts, expiredWaiver: expiredWaiver,
                      expiredWaiverByCheck: expiredWaiverCounts, byChannel: byChannel,
                      byCampaign: byCampaign.map { .init(campaignID: $0.campaignID, check: $0.check, count: $0.count) })
    }
}
