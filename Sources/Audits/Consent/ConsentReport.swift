/// The `consent` section of report.json (outputs.md), exactly: snake_case keys, counts by
/// check (every check, waived findings included), by unwaived severity and waived, by check and
/// channel, and by campaign and check (campaign id, then check id).
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

    public var checks: [String: Int]
    public var violations: Int
    public var warnings: Int
    public var info: Int
    public var waived: Int
    /// Message-level findings: {check: {channel: count}}, non-zero counts only.
    public var byChannel: [String: [String: Int]]
    public var byCampaign: [Campaign]

    enum CodingKeys: String, CodingKey {
        case checks, violations, warnings, info, waived
        case byChannel = "by_channel"
        case byCampaign = "by_campaign"
    }
}

extension ConsentAudit {
    /// The report.json form.
    public var report: ConsentReport {
        ConsentReport(checks: counts, violations: violations, warnings: warnings, info: info, waived: waived, byChannel: byChannel,
                      byCampaign: byCampaign.map { .init(campaignID: $0.campaignID, check: $0.check, count: $0.count) })
    }
}
