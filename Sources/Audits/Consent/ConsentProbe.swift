import CRMData

/// The consent of a message's channel when it was sent, as the audit's state machine saw it.
public enum ChannelConsent: String, Sendable, Equatable {
    /// A transactional message: no marketing consent needed.
    case transactional
    /// An unexpired marketing grant for the channel (or every channel) decided.
    case granted
    /// A marketing withdrawal decided.
    case withdrawn
    /// The deciding grant had expired.
    case expired
    /// No marketing event for the channel (or every channel) before it.
    case none
}

/// One message (or one not sent: `message` -1) as the consent audit judges it: the state of its
/// channel at its send time, the deciding event, the unsubscribe in force, and its finding.
public struct MessageJudgement: Sendable, Equatable {
    /// Rows: the message (-1 for a message probed, not sent), the deciding consent event and the
    /// message of the unsubscribe in force (-1: none).
    public let message: Int32
    public let sentAt: Instant
    public let state: ChannelConsent
    public let decidingEvent: Int32
    public let decidingAt: Instant
    public let decidingExpires: Instant
    public let unsubscribeMessage: Int32
    public let unsubscribedAt: Instant
    public let deletedAt: Instant
    /// The check of the finding the audit gives this message, if any.
    public let check: String?

    init(_ f: MessageFacts, check: Int?) {
        message = f.message
        sentAt = f.sentAt
        decidingEvent = f.deciding
        decidingAt = f.decidingAt
        decidingExpires = f.decidingExpires
        unsubscribeMessage = f.unsubscribeMessage
        unsubscribedAt = f.unsubscribeAt
        deletedAt = f.deletedAt
        if !f.isMarketing {
            state = .transactional
        } else if f.deciding < 0 {
            state = .none
        } else if f.decidingIsWithdrawal {
            state = .withdrawn
        } else if f.decidingExpires.exists && f.decidingExpires <= f.sentAt {
            state = .expired
        } else {
            state = .granted
        }
        self.check = check.map { ConsentChecks.descriptions[$0].identifier }
    }
}

/// Questions put to the consent audit's own pass (`ConsentPass`, `ConsentStates`) about one
/// contact: the state at each of its messages, and what a marketing message sent now would
/// raise. Nothing here judges consent itself: the pass and the checks do.
public struct ConsentProbe: Sendable {
    let pass: ConsentPass
    /// Per contract channel, its code among the messages' channel spellings (-1: never used).
    let codes: [Int32]

    /// nil without `consents` or `messages` (the audit does not run then either).
    public init?(snapshot: Snapshot, config: ReportConfig) {
        guard let consents = snapshot.consents, let messages = snapshot.messages else { return nil }
        let settings = ConsentSettings(config: config, asOf: snapshot.asOf, zone: snapshot.zone)
        let events = ConsentOrder.events(consents, contacts: snapshot.contacts.count)
        pass = ConsentPass(snapshot: snapshot, consents: consents, messages: messages, events: events, settings: settings,
                           runs: ConsentChecks.all.map { _ in true })
        let spellings = snapshot.vocabulary.channels.values
        codes = Channel.names.map { name in spellings.firstIndex(of: name).map { Int32($0) } ?? -1 }
    }

    /// Every message of contact row `k` in time order (send time, then id), each judged by the pass.
    public func messages(contact k: Int) -> [MessageJudgement] {
        var out: [MessageJudgement] = []
        _ = pass.run(contacts: k..<(k + 1)) { facts, check in out.append(MessageJudgement(facts, check: check)) }
        return out
    }

    /// A marketing message on `channel` to contact row `k` at the as-of moment, judged by the pass.
    public func marketingNow(contact k: Int, channel: Channel) -> MessageJudgement {
        let p = pass.probe(contact: k, channel: channel, code: codes[Int(channel.rawValue)])
        return MessageJudgement(p.facts, check: p.check)
    }

    /// The contact's latest `processing` event at the as-of moment when it is a withdrawal (row), else nil.
    public func processingWithdrawal(contact k: Int) -> Int32? {
        let p = pass.statesAtAsOf(contact: k).processing
        return p >= 0 && pass.consents.action[Int(p)] == .withdraw ? p : nil
    }

    /// The marketing grant deciding `channel` for contact row `k` at the as-of moment, if unexpired (row).
    public func activeGrant(contact k: Int, channel: Channel) -> Int32? {
        pass.statesAtAsOf(contact: k).activeGrant(Int(channel.rawValue), at: pass.settings.asOf, pass.consents)
    }
}
