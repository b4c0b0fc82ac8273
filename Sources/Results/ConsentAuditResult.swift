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
        /// The waiver key; `key` spells it (`after_withdrawal:message:1234`) only where it is shown.
        public let findingKey: FindingKey
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

        public var key: String { findingKey.description }
    }

    /// The findings' evidence, each resolved when it is read: hundreds of thousands of resolved
    /// findings held at once were the largest single block of the run (133 MB on the 1M-contact
    /// demo), while the columns they come from are shared with the snapshot, not copied.
    public struct EvidenceList: RandomAccessCollection, Sendable {
        let findings: [ConsentFinding]
        let waivers: [Waiver]
        let contacts: ContactTable
        let messages: MessageTable
        let consents: ConsentTable
        let campaigns: CampaignTable
        let channels: Labels
        let consentSources: Labels
        let settings: ConsentSettings

        public var startIndex: Int { 0 }
        public var endIndex: Int { findings.count }

        public subscript(i: Int) -> Evidence {
            let cf = findings[i], f = cf.finding
            let m = Int(f.message), e = Int(f.decidingEvent), c = Int(f.contact), u = Int(cf.unsubscribeMessage)
            let campaignRow = m >= 0 ? Int(messages.campaign[m]) : -1
            return Evidence(
                check: f.check, severity: cf.severity, findingKey: cf.key,
                messageID: m >= 0 ? messages.id[m] : nil, contactID: contacts.id[c],
                campaignID: campaignRow >= 0 ? campaigns.id[campaignRow] : nil,
                campaignName: campaignRow >= 0 ? campaigns.name[campaignRow] : nil,
                channel: m >= 0 ? channels[messages.channel[m]] : nil,
                sentAt: m >= 0 ? messages.sentAt[m] : nil,
                eventID: e >= 0 ? consents.id[e] : nil, eventAt: e >= 0 ? consents.occurredAt[e] : nil,
                eventAction: e >= 0 ? consents.action[e].name : nil,
                eventSource: e >= 0 ? consentSources[consents.source[e]] : nil,
                eventEvidence: e >= 0 ? consents.evidence[e] : nil,
                unsubscribeMessageID: u >= 0 ? messages.id[u] : nil,
                email: contacts.email[c], phone: contacts.phone[c],
                waiver: cf.isWaived ? waivers[Int(cf.waiver)] : nil)
        }

        /// The facts that decide finding `i` (metrics.md, "Evidence"), its check's own list in its order,
        /// each from the snapshot's columns; apart from `Evidence`, so what needs no facts (the campaign
        /// ranking) does not work them out for every finding.
        public func facts(_ i: Int) -> [EvidenceFact] {
            let cf = findings[i], f = cf.finding
            let e = Int(f.decidingEvent), c = Int(f.contact), u = Int(cf.unsubscribeMessage), late = Int(cf.lateWithdrawal)
            func moment(_ t: Instant) -> EvidenceFact.Value { t.exists ? .moment(t) : .none }
            let grant = e >= 0 && consents.action[e] == .grant ? consents.occurredAt[e] : nil
            let age = grant.flatMap { settings.ageAtGrant(birthDate: contacts.birthDate[c], grantedAt: $0) }
            return (ConsentChecks.evidence[f.check] ?? []).map { name in
                let value: EvidenceFact.Value
                switch name {
                case .deletedAt: value = moment(contacts.deletedAt[c])
                case .eventID: value = e >= 0 ? .id(consents.id[e]) : .none
                case .eventAction: value = e >= 0 ? .word(consents.action[e].name) : .none
                case .eventPurpose: value = e >= 0 ? .word(consents.purpose[e].name) : .none
                case .eventChannel: value = e >= 0 ? consents.channel[e].map { .word($0.name) } ?? .none : .none
                case .eventAt: value = e >= 0 ? .moment(consents.occurredAt[e]) : .none
                case .expiresAt: value = e >= 0 ? moment(consents.expiresAt[e]) : .none
                case .unsubscribeMessageID: value = u >= 0 ? .id(messages.id[u]) : .none
                case .unsubscribedAt: value = u >= 0 ? moment(messages.unsubscribedAt[u]) : .none
                case .windowEnd: value = u >= 0 ? .moment(settings.windowEnd(unsubscribedAt: messages.unsubscribedAt[u])) : .none
                case .lateWithdrawalEventID: value = late >= 0 ? .id(consents.id[late]) : .none
                case .birthDate: value = age.map { .day($0.birthDay) } ?? .none
                case .ageAtGrant: value = age.map { .number($0.years) } ?? .none
                case .erasureDeadline: value = e >= 0 ? .moment(settings.erasureDeadline(withdrawnAt: consents.occurredAt[e])) : .none
                case .grantAgeDays: value = grant.map { .number(settings.ageInDays(of: $0)) } ?? .none
                case .missing:
                    let noSource = e >= 0 && consents.source[e] < 0, noEvidence = e >= 0 && !consents.evidence.has(e)
                    value = noSource && noEvidence ? .word("both") : noSource ? .word("source") : noEvidence ? .word("evidence") : .none
                }
                return EvidenceFact(name, value)
            }
        }

        /// Whether finding `i` is waived, without resolving it.
        public func isWaived(_ i: Int) -> Bool { findings[i].isWaived }
        /// Finding `i`'s check, without resolving it.
        public func check(_ i: Int) -> String { findings[i].check }
        public func severity(_ i: Int) -> Severity { findings[i].severity }
    }

    public let audit: ConsentAudit
    public let evidence: EvidenceList

    init(_ audit: ConsentAudit, snapshot s: Snapshot) {
        self.audit = audit
        // Only the columns the evidence reads stay alive with the result (arrays share their storage).
        evidence = EvidenceList(findings: audit.findings, waivers: audit.waivers.waivers, contacts: s.contacts.evidenceColumns,
                                messages: s.messages?.evidenceColumns ?? MessageTable(), consents: s.consents?.evidenceColumns ?? ConsentTable(),
                                campaigns: s.campaigns ?? CampaignTable(), channels: s.vocabulary.channels,
                                consentSources: s.vocabulary.consentSources, settings: audit.settings)
    }
}

private extension ContactTable {
    /// The contacts' id, e-mail, phone, deletion and birth date only.
    var evidenceColumns: ContactTable {
        var t = ContactTable()
        t.id = id; t.email = email; t.phone = phone; t.deletedAt = deletedAt; t.birthDate = birthDate
        return t
    }
}

private extension MessageTable {
    /// The messages' id, campaign, channel, send and unsubscribe times only.
    var evidenceColumns: MessageTable {
        var t = MessageTable()
        t.id = id; t.campaign = campaign; t.channel = channel; t.sentAt = sentAt; t.unsubscribedAt = unsubscribedAt
        return t
    }
}

private extension ConsentTable {
    /// The events' id, time, action, purpose, channel, expiry, source and evidence only.
    var evidenceColumns: ConsentTable {
        var t = ConsentTable()
        t.id = id; t.occurredAt = occurredAt; t.action = action; t.purpose = purpose; t.channel = channel; t.expiresAt = expiresAt
        t.source = source; t.evidence = evidence
        return t
    }
}
