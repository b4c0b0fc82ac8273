import Audits
import Results

/// One campaign's consent findings, for the page's "by campaign" table and report.json
/// `consent.campaigns`: its unwaived violations (what ranks it) and all its open message-level
/// findings (the sum of its `by_campaign` counts; waived findings are counted apart).
public struct ConsentCampaign: Codable, Sendable, Equatable {
    public var campaignID: Int64
    public var name: String?
    public var violations: Int
    public var findings: Int

    enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id", name, violations, findings
    }

    /// Every campaign with a finding, most unwaived violations first, then most findings, then by id.
    static func ranked(_ r: ConsentAuditResult) -> [ConsentCampaign] {
        var byID: [Int64: ConsentCampaign] = [:]
        for c in r.audit.byCampaign {
            byID[c.campaignID, default: ConsentCampaign(campaignID: c.campaignID, name: nil, violations: 0, findings: 0)].findings += c.count
        }
        // The names and the waivers are in the evidence; by_campaign counts open findings only.
        for e in r.evidence {
            guard let id = e.campaignID, byID[id] != nil else { continue }
            if byID[id]?.name == nil { byID[id]?.name = e.campaignName }
            if e.severity == .violation && e.waiver == nil { byID[id]?.violations += 1 }
        }
        return byID.values.sorted {
            ($0.violations, $0.findings, -$0.campaignID) > ($1.violations, $1.findings, -$1.campaignID)
        }
    }
}
