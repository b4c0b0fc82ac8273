import CRMData
import Formatting
import Reports
import TestSupport

/// Campaign rows for fixture databases, and the report as of a day.
extension FixtureDB {
    func campaign(_ id: Int, name: String? = nil, channel: String = "email", kind: String? = "promo", started: String,
                  ended: String? = nil, cost: Double? = nil, windowDays: Int? = nil) throws {
        try insert("campaigns", ["id": id, "name": name ?? "Campaign \(id)", "channel": channel, "kind": kind, "started_at": started,
                                 "ended_at": ended, "cost": cost, "window_days": windowDays])
    }

    func member(_ campaign: Int, contact: Int, arm: String, at: String) throws {
        try insert("campaign_members", ["campaign_id": campaign, "contact_id": contact, "arm": arm, "assigned_at": at])
    }

    func message(_ id: Int, campaign: Int?, contact: Int, sent: String, delivered: String? = nil, opened: String? = nil,
                 clicked: String? = nil, bounce: String? = nil, unsubscribed: String? = nil) throws {
        try insert("messages", ["id": id, "campaign_id": campaign, "contact_id": contact, "channel": "email", "purpose": "marketing",
                                "sent_at": sent, "delivered_at": delivered, "opened_at": opened, "clicked_at": clicked,
                                "bounce": bounce, "unsubscribed_at": unsubscribed])
    }

    func campaignReport(asOf day: String, config: ReportConfig = ReportConfig()) throws -> CampaignReport {
        let s = try snapshot(asOf: day)
        let period = ReportPeriod.latest(.week, asOfDay: CivilDate.parse(day) ?? 0)
        return CampaignReport.compute(s, config: config, period: period)
    }
}

extension CampaignReport {
    func campaign(_ id: Int64) -> CampaignResult? { campaigns.first { $0.id == id } }
}

/// |a - b| <= tolerance, for hand-computed expectations.
func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}
