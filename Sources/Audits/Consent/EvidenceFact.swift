import CRMData

/// One fact that decides a consent finding (metrics.md, "Evidence"): its contract name and its
/// value. The same names in consent.json's `evidence` object, consent.csv's `evidence` pairs
/// and the page's evidence list.
public struct EvidenceFact: Sendable, Equatable {
    /// The facts' names, in the order metrics.md lists them (and the CSV writes them).
    public enum Name: String, Sendable, CaseIterable {
        case deletedAt = "deleted_at"
        case eventID = "event_id", eventAction = "event_action", eventPurpose = "event_purpose"
        case eventChannel = "event_channel", eventAt = "event_at", expiresAt = "expires_at"
        case unsubscribeMessageID = "unsubscribe_message_id", unsubscribedAt = "unsubscribed_at"
        case windowEnd = "window_end", lateWithdrawalEventID = "late_withdrawal_event_id"
        case birthDate = "birth_date", ageAtGrant = "age_at_grant"
        case erasureDeadline = "erasure_deadline"
        case grantAgeDays = "grant_age_days"
        case missing

        /// The facts naming the deciding (or named) consent event: id, action, purpose, channel, time.
        public static let event: [Name] = [.eventID, .eventAction, .eventPurpose, .eventChannel, .eventAt]
    }

    public enum Value: Sendable, Equatable {
        /// A CRM id.
        case id(Int64)
        /// A moment, shown in the report's zone with its offset.
        case moment(Instant)
        /// A calendar day (local day number).
        case day(Int)
        /// A whole number (years, days).
        case number(Int)
        /// A contract word (`grant`, `marketing`, `email`, `source`).
        case word(String)
        /// Not recorded (a NULL channel: every channel; no late withdrawal; no expiry).
        case none
    }

    public let name: Name
    public let value: Value

    public init(_ name: Name, _ value: Value) {
        self.name = name
        self.value = value
    }
}
