/// One finding of the consent audit with what the evidence list, the CSV and the gate need.
/// Rows are row indexes into the snapshot; renderers look up ids, names and times.
public struct ConsentFinding: Sendable, Hashable {
    /// The check, the contact row, the message row (-1 for grant- and contact-level checks)
    /// and the deciding consent event row (-1 where an absence decides).
    public let finding: Finding
    /// The severity after config overrides.
    public let severity: Severity
    /// The key a waiver names it by.
    public let key: FindingKey
    /// The waiver covering it: an index into `ConsentAudit.waivers.waivers`, or -1.
    public let waiver: Int32
    /// For after_unsubscribe and unrecorded_unsubscribe: the message row through which the
    /// recipient unsubscribed; -1 otherwise.
    public let unsubscribeMessage: Int32
    /// For unrecorded_unsubscribe: the first marketing withdrawal for the channel at or after the
    /// unsubscribe, recorded after its window closed; -1 when none was recorded (or another check).
    public let lateWithdrawal: Int32

    public var check: String { finding.check }
    public var isWaived: Bool { waiver >= 0 }
}

/// Findings of one check on one campaign's messages.
public struct CampaignCheckCount: Sendable, Equatable {
    /// The campaign row and its id.
    public let campaign: Int32
    public let campaignID: Int64
    public let check: String
    public let count: Int
}

/// Message-level violations (unwaived) in one ISO week, for the chart.
public struct WeekCount: Sendable, Equatable {
    /// The Monday starting the week (local day number) and its label, e.g. "2026-W47".
    public let startDay: Int
    public let label: String
    public let count: Int
}
