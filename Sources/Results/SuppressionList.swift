import Audits
import CRMData
import Reports

/// Who must not receive marketing on a channel at the as-of moment (`crm-report suppression`),
/// each address with the first reason that applies and since when. Every reason is a question
/// put to an audit, never a rule of its own:
///
/// - deleted, no_consent, withdrawn, expired, unsubscribed: the consent audit's pass judging a
///   marketing message on that channel sent at A (`ConsentProbe.marketingNow`): the list holds
///   exactly the addresses such a message would raise to_deleted, no_consent, after_withdrawal,
///   expired_consent or after_unsubscribe for;
/// - erasure_due: the contact's latest processing event at A is a withdrawal (the fact
///   not_erased and no_processing_consent judge);
/// - minor: the grant deciding the channel at A has a `minor` finding;
/// - hard_bounce (e-mail): the stale audit's `bounced` finding;
/// - invalid: its `invalid_email` (e-mail) or `invalid_phone` (sms, phone, messenger) finding.
public struct SuppressionList: Sendable {
    public enum Reason: String, Sendable, CaseIterable {
        case deleted, noConsent = "no_consent", withdrawn, expired, unsubscribed
        case erasureDue = "erasure_due", minor, hardBounce = "hard_bounce", invalid
    }

    public struct Row: Sendable, Equatable {
        public let channel: Channel
        /// The normalized address: trimmed lower-case e-mail, E.164 phone (as typed, trimmed, when
        /// not valid), or the push token.
        public let address: String
        public let contactID: Int64
        public let reason: Reason
        public let since: Instant?
    }

    /// Sorted by channel (the contract's order), address, contact id.
    public let rows: [Row]

    /// The consent audit's message checks behind each reason.
    static let reasonOfCheck: [String: Reason] = [
        "to_deleted": .deleted, "no_consent": .noConsent, "after_withdrawal": .withdrawn,
        "expired_consent": .expired, "after_unsubscribe": .unsubscribed,
    ]

    /// - Parameter pushTokens: per contact row, its push token (`Snapshot.contactKeys`); nil leaves push out.
    public init(snapshot s: Snapshot, config: ReportConfig, period: ReportPeriod, channels: [Channel], pushTokens: [String?]?) throws {
        let gating = try AuditGating(config)
        let probe = ConsentProbe(snapshot: s, config: config)
        let consent = gating.consent(s, config: config)
        // The contacts' phones validated once, for the stale audit and the E.164 addresses.
        let early = EarlyValidation(settings: ValidationSettings(config: config))
        early.start(s.contacts)
        let stale = gating.stale(s, config: config, period: period, early: early)
        let validation = early.validation(for: s.contacts) ?? ContactValidation(contacts: s.contacts, settings: ValidationSettings(config: config))
        let c = s.contacts
        // Findings by contact row (stale) and by consent event row (minor), waived ones included:
        // a waiver accepts a finding, it does not make an address reachable.
        var staleChecks: [Int32: Set<String>] = [:]
        for f in stale.audit.findings { staleChecks[f.contact, default: []].insert(f.check) }
        let minorGrants = Set(consent.audit.findings.filter { $0.check == "minor" }.map(\.finding.decidingEvent))
        let occurred = s.consents?.occurredAt ?? []
        var rows: [Row] = []
        for channel in channels {
            for k in 0..<c.count {
                guard let address = Self.address(channel, contact: k, c, pushTokens, validation) else { continue }
                var reason: Reason?
                var since: Instant?
                if let probe {
                    let j = probe.marketingNow(contact: k, channel: channel)
                    if let check = j.check, let r = Self.reasonOfCheck[check] {
                        reason = r
                        switch r {
                        case .deleted: since = j.deletedAt
                        case .withdrawn: since = j.decidingAt
                        case .expired: since = j.decidingExpires
                        case .unsubscribed: since = j.unsubscribedAt
                        default: since = nil
                        }
                    } else if let w = probe.processingWithdrawal(contact: k) {
                        reason = .erasureDue
                        since = occurred[Int(w)]
                    } else if let g = probe.activeGrant(contact: k, channel: channel), minorGrants.contains(g) {
                        reason = .minor
                        since = occurred[Int(g)]
                    }
                }
                if reason == nil, let checks = staleChecks[Int32(k)] {
                    if channel == .email && checks.contains("bounced") {
                        reason = .hardBounce
                    } else if checks.contains(channel == .email ? "invalid_email" : "invalid_phone") && channel != .push {
                        reason = .invalid
                    }
                }
                if let reason { rows.append(Row(channel: channel, address: address, contactID: c.id[k], reason: reason, since: since)) }
            }
        }
        self.rows = rows.sorted { a, b in
            a.channel != b.channel ? a.channel.rawValue < b.channel.rawValue
                : a.address != b.address ? a.address < b.address : a.contactID < b.contactID
        }
    }

    /// The address a channel reaches the contact at, normalized; nil when it has none.
    static func address(_ channel: Channel, contact k: Int, _ c: ContactTable, _ pushTokens: [String?]?, _ v: ContactValidation) -> String? {
        switch channel {
        case .email:
            return c.email[k].map(ContactLookup.emailKey)
        case .sms, .phone, .messenger:
            guard let typed = c.phone[k] else { return nil }
            return v.e164(k) ?? ContactLookup.trimmed(typed)
        case .push:
            return pushTokens?[k].map(ContactLookup.trimmed)
        }
    }
}
