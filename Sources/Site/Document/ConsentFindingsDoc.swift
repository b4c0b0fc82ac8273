import Audits
import CRMData
import Formatting
import Results

/// findings/consent.json: every unwaived finding with its evidence, the waived ones apart with
/// their waiver, and the waivers that expired or matched nothing. Moments are ISO-8601 in the
/// report's zone; personal data is masked unless --show-pii, as on the page.
public struct ConsentFindingsDoc: Codable, Sendable, Equatable {
    /// The consent event that decided a finding.
    public struct Event: Codable, Sendable, Equatable {
        public var id: Int64
        public var occurredAt: String?
        public var action: String?
        public var hasSource: Bool
        public var hasEvidence: Bool
        /// Where it was given, as recorded.
        public var source: String?
        /// The proof reference as recorded; nil unless --show-pii, since it may hold an IP address
        /// or a token (`has_evidence` says whether there is one).
        public var evidence: String?
        enum CodingKeys: String, CodingKey {
            case id, occurredAt = "occurred_at", action, hasSource = "has_source", hasEvidence = "has_evidence", source, evidence
        }
    }

    /// A waiver entry as the waiver file gave it.
    public struct WaiverDoc: Codable, Sendable, Equatable {
        public var key: String
        public var reason: String
        public var acceptedBy: String
        public var expires: String
        enum CodingKeys: String, CodingKey { case key, reason, acceptedBy = "accepted_by", expires }

        init(_ w: Waiver) {
            key = w.key.description
            reason = w.reason
            acceptedBy = w.acceptedBy
            expires = w.expiresLabel
        }
    }

    public struct Finding: Codable, Sendable, Equatable {
        public var check: String
        public var severity: String
        public var key: String
        public var messageID: Int64?
        public var contactID: Int64
        public var campaignID: Int64?
        public var campaignName: String?
        public var channel: String?
        public var sentAt: String?
        /// nil where an absence decides (no grant ever, no processing grant).
        public var decidingEvent: Event?
        public var unsubscribeMessageID: Int64?
        public var email: String?
        public var phone: String?
        public var waiver: WaiverDoc?
        enum CodingKeys: String, CodingKey {
            case check, severity, key, messageID = "message_id", contactID = "contact_id", campaignID = "campaign_id"
            case campaignName = "campaign_name", channel, sentAt = "sent_at", decidingEvent = "deciding_event"
            case unsubscribeMessageID = "unsubscribe_message_id", email, phone, waiver
        }

        init(_ e: ConsentAuditResult.Evidence, zone: ZoneClock, showPII: Bool) {
            check = e.check
            severity = e.severity.rawValue
            key = e.key
            messageID = e.messageID
            contactID = e.contactID
            campaignID = e.campaignID
            campaignName = e.campaignName
            channel = e.channel
            sentAt = e.sentAt.map { LocalTime.iso($0, zone: zone) }
            decidingEvent = e.eventID.map {
                Event(id: $0, occurredAt: e.eventAt.map { LocalTime.iso($0, zone: zone) }, action: e.eventAction,
                      hasSource: e.eventSource != nil, hasEvidence: e.eventEvidence != nil, source: e.eventSource,
                      evidence: showPII ? e.eventEvidence : nil)
            }
            unsubscribeMessageID = e.unsubscribeMessageID
            email = e.email.map { PersonalData.email($0, show: showPII) }
            phone = e.phone.map { PersonalData.phone($0, show: showPII) }
            waiver = e.waiver.map(WaiverDoc.init)
        }
    }

    public var timezone: String
    public var findings: [Finding]
    public var waived: [Finding]
    public var expiredWaivers: [WaiverDoc]
    public var unmatchedWaivers: [WaiverDoc]

    enum CodingKeys: String, CodingKey {
        case timezone, findings, waived, expiredWaivers = "expired_waivers", unmatchedWaivers = "unmatched_waivers"
    }

    init(_ r: ConsentAuditResult, zone: ZoneClock, showPII: Bool) {
        timezone = zone.identifier
        // Masks and moments for hundreds of thousands of findings: on all cores.
        let all = parallelChunks(r.evidence.count) { range in range.map { Finding(r.evidence[$0], zone: zone, showPII: showPII) } }
            .flatMap { $0 }
        findings = all.filter { $0.waiver == nil }
        waived = all.filter { $0.waiver != nil }
        expiredWaivers = r.audit.waivers.expired.map(WaiverDoc.init)
        unmatchedWaivers = r.audit.waivers.unmatched.map(WaiverDoc.init)
    }
}
