import Audits
import CRMData

/// The consent audit as renderers need it: the audit's counts, and every finding resolved into
/// the evidence a compliance officer shows (message, contact, campaign, channel, time sent, the
/// consent event that decided it, the waiver that accepted it), so no renderer reads the snapshot.
public struct ConsentAuditResult: Sendable {
    /// One finding with its evidence, in the audit's order (check, message id, contact id).
    public struct Evidence: Sendable, Equatable {
        public let check: String
        public let severity: Severity
        /// The waiver key, e.g. `after_withdrawal:message:1234`.
        public let key: String
        public let messageID: Int64?
        public let contactID: Int64
        public let campaignID: Int64?
        public let campaignName: String?
        public let channel: String?
        public let sentAt: Instant?
        /// The consent event that decided it (nil where an absence decides).
        public let eventID: Int64?
        public let eventAt: Instant?
        public let eventAction: String?
        /// Where the deciding event was given, and its proof reference, as recorded.
        public let eventSource: String?
        public let eventEvidence: String?
        /// The message the recipient unsubscribed through (after_unsubscribe, unrecorded_unsubscribe).
        public let unsubscribeMessageID: Int64?
        public let email: String?
        public let phone: String?
        public let waiver: Waiver?
    }

    public let audit: ConsentAudit
    public let evidence: [Evidence]

    init(_ audit: ConsentAudit, snapshot s: Snapshot) {
        self.audit = audit
        let contacts = s.contacts, messages = s.messages, consents = s.consents, campaigns = s.campaigns
        evidence = audit.findings.map { cf in
            let f = cf.finding
            let m = Int(f.message), e = Int(f.decidingEvent), c = Int(f.contact)
            let campaignRow = m >= 0 ? Int(messages?.campaign[m] ?? -1) : -1
            let unsubscribe = Int(cf.unsubscribeMessage)
            return Evidence(
                check: f.check, severity: cf.severity, key: cf.key.description,
                messageID: m >= 0 ? messages?.id[m] : nil, contactID: contacts.id[c],
                campaignID: campaignRow >= 0 ? campaigns?.id[campaignRow] : nil,
                campaignName: campaignRow >= 0 ? campaigns?.name[campaignRow] : nil,
                channel: m >= 0 ? messages.flatMap { s.vocabulary.channels[$0.channel[m]] } : nil,
                sentAt: m >= 0 ? messages?.sentAt[m] : nil,
                eventID: e >= 0 ? consents?.id[e] : nil, eventAt: e >= 0 ? consents?.occurredAt[e] : nil,
                eventAction: e >= 0 ? consents?.action[e].name : nil,
                eventSource: e >= 0 ? consents.flatMap { s.vocabulary.consentSources[$0.source[e]] } : nil,
                eventEvidence: e >= 0 ? consents?.evidence[e] : nil,
                unsubscribeMessageID: unsubscribe >= 0 ? messages?.id[unsubscribe] : nil,
                email: contacts.email[c], phone: contacts.phone[c],
                waiver: cf.isWaived ? audit.waivers.waivers[Int(cf.waiver)] : nil)
        }
    }
}
