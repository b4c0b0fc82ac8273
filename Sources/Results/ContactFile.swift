import Audits
import CRMData
import Reports

/// One person's consent file (`crm-report contact`): the contact's fields, every consent event,
/// message, unsubscribe and the deletion in time order, the consent state of each message's
/// channel when it was sent (asked of the consent audit's own pass), and the findings of both
/// audits with their waivers. Computed from a snapshot read for this contact (`ContactScope`):
/// the audits run on that snapshot exactly as on a whole one, so their findings for this
/// contact are the same.
public struct ContactFile: Sendable {
    public struct ConsentEvent: Sendable, Equatable {
        public let id: Int64
        public let at: Instant
        public let purpose: String
        /// nil: every channel.
        public let channel: String?
        public let action: String
        public let source: String?
        public let evidence: String?
        public let expiresAt: Instant?
    }

    public struct Message: Sendable, Equatable {
        public let id: Int64
        public let at: Instant
        public let channel: String?
        public let purpose: String
        public let campaignID: Int64?
        public let campaignName: String?
        public let deliveredAt: Instant?
        public let bounce: String?
        public let unsubscribedAt: Instant?
        /// The channel's consent when it was sent, and the event that decided it.
        public let consent: ChannelConsent
        public let decidingEventID: Int64?
        /// The message through which the recipient had unsubscribed from the channel, if any in force.
        public let unsubscribeMessageID: Int64?
        /// The consent audit's finding for this message.
        public let check: String?
    }

    public struct StaleFinding: Sendable, Equatable {
        public let check: String
        public let severity: Severity
        public let waiver: Waiver?
    }

    public let id: Int64
    public let createdAt: Instant
    public let verifiedAt: Instant?
    public let deletedAt: Instant?
    public let email: String?
    public let phone: String?
    public let hasPushToken: Bool
    public let birthDate: String?
    public let segment: String
    public let source: String?
    public let region: String?
    public let owner: String?
    public let consentEvents: [ConsentEvent]
    public let messages: [Message]
    /// The consent audit's findings of this contact, in its order; nil when the audit cannot run
    /// (no `consents` or `messages` table).
    public let consentFindings: [ConsentAuditResult.Evidence]?
    public let staleFindings: [StaleFinding]

    /// The file of contact `id` in a snapshot read for it. Throws when the contact's row is not
    /// in the snapshot (a bad row) or for a bad audit setting or waiver file.
    public init(id: Int64, snapshot s: Snapshot, config: ReportConfig, period: ReportPeriod) throws {
        guard let k = s.contacts.id.firstIndex(of: id) else {
            throw CRMError("contact \(id) is a bad row (see crm-report check) and cannot be shown")
        }
        let c = s.contacts, v = s.vocabulary
        self.id = id
        createdAt = c.createdAt[k]
        verifiedAt = c.verifiedAt[k].exists ? c.verifiedAt[k] : nil
        deletedAt = c.deletedAt[k].exists ? c.deletedAt[k] : nil
        email = c.email[k]
        phone = c.phone[k]
        hasPushToken = c.hasPushToken[k]
        birthDate = c.birthDate[k]
        segment = c.segment[k].name
        source = v.sources[c.source[k]]
        region = v.regions[c.region[k]]
        owner = v.owners[c.owner[k]]

        var events: [ConsentEvent] = []
        if let t = s.consents {
            let rows = (0..<t.count).filter { Int(t.contact[$0]) == k }
            // The audit's order: time, a withdrawal after a grant at the same instant, then id.
            events = rows.sorted { a, b in
                t.occurredAt[a] != t.occurredAt[b] ? t.occurredAt[a] < t.occurredAt[b]
                    : t.action[a] != t.action[b] ? t.action[a] == .grant : t.id[a] < t.id[b]
            }.map { e in
                ConsentEvent(id: t.id[e], at: t.occurredAt[e], purpose: t.purpose[e].name, channel: t.channel[e]?.name,
                             action: t.action[e].name, source: v.consentSources[t.source[e]], evidence: t.evidence[e],
                             expiresAt: t.expiresAt[e].exists ? t.expiresAt[e] : nil)
            }
        }
        consentEvents = events

        var messages: [Message] = []
        if let m = s.messages, let probe = ConsentProbe(snapshot: s, config: config) {
            let ids = s.consents?.id ?? []
            let campaigns = s.campaigns ?? CampaignTable()
            for j in probe.messages(contact: k) {
                let r = Int(j.message)
                let campaign = Int(m.campaign[r])
                messages.append(Message(
                    id: m.id[r], at: m.sentAt[r], channel: v.channels[m.channel[r]], purpose: m.purpose[r].name,
                    campaignID: campaign >= 0 ? campaigns.id[campaign] : nil, campaignName: campaign >= 0 ? campaigns.name[campaign] : nil,
                    deliveredAt: m.deliveredAt[r].exists ? m.deliveredAt[r] : nil, bounce: m.bounce[r]?.name,
                    unsubscribedAt: m.unsubscribedAt[r].exists ? m.unsubscribedAt[r] : nil, consent: j.state,
                    decidingEventID: j.decidingEvent >= 0 ? ids[Int(j.decidingEvent)] : nil,
                    unsubscribeMessageID: j.unsubscribeMessage >= 0 ? m.id[Int(j.unsubscribeMessage)] : nil, check: j.check))
            }
        }
        self.messages = messages

        let gating = try AuditGating(config)
        let consent = gating.consent(s, config: config)
        consentFindings = consent.audit.ranAny ? consent.evidence.filter { $0.contactID == id } : nil
        let stale = gating.stale(s, config: config, period: period)
        let waivers = stale.waivers
        staleFindings = stale.audit.findings.indices.filter { Int(stale.audit.findings[$0].contact) == k }.map { i in
            let check = stale.audit.findings[i].check
            let w = waivers.waiverOf[i]
            return StaleFinding(check: check, severity: stale.severity[check] ?? .warning, waiver: w >= 0 ? waivers.waivers[Int(w)] : nil)
        }
    }
}
