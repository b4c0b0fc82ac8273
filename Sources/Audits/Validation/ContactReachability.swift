import CRMData

/// Per contact row, which channels can reach the contact at one moment: a valid e-mail and
/// whether it bounced, a valid phone (its E.164 form and whether it is mobile), a push token.
/// The stale audit's `unreachable` and `bounced` checks read it, and so does the consent audit's
/// addressable base; it knows nothing of the stale checks.
public struct ContactReachability: Sendable {
    public let emailValid: [Bool]
    /// `email_status` hard_bounce or complaint, or an e-mail message with a hard bounce and no
    /// e-mail message sent later and delivered (messages as visible at the moment).
    public let emailBounced: [Bool]
    public let phoneValid: [Bool]
    public let phoneIsMobile: [Bool]
    public let hasPushToken: [Bool]
    private let validation: ContactValidation

    /// Reachability at the snapshot's as-of moment.
    public init(snapshot: Snapshot, config: ReportConfig) {
        self.init(snapshot: snapshot, validation: ContactValidation(contacts: snapshot.contacts,
                                                                    settings: ValidationSettings(config: config)),
                  at: snapshot.asOf)
    }

    /// Reachability at a moment `at` at or before the as-of moment, from a validation already made.
    public init(snapshot: Snapshot, validation: ContactValidation, at: Instant) {
        let n = snapshot.contacts.count
        self.validation = validation
        emailValid = (0..<n).map(validation.emailIsValid)
        phoneValid = (0..<n).map(validation.phoneIsValid)
        phoneIsMobile = (0..<n).map(validation.phoneIsMobile)
        hasPushToken = snapshot.contacts.hasPushToken
        var bounced = snapshot.contacts.emailStatus.map { $0 == .hardBounce || $0 == .complaint }
        for row in Self.bouncedByMessages(snapshot, at: at) { bounced[row] = true }
        emailBounced = bounced
    }

    /// The row's valid phone in E.164, nil when it has none.
    public func phoneE164(_ row: Int) -> String? {
        let group = validation.phoneGroup(row)
        return group >= 0 ? validation.e164[Int(group)] : nil
    }

    /// A valid e-mail that has not bounced.
    public func hasUsableEmail(_ row: Int) -> Bool { emailValid[row] && !emailBounced[row] }

    /// A usable e-mail, a valid phone or a push token.
    public func isReachable(_ row: Int) -> Bool { hasUsableEmail(row) || phoneValid[row] || hasPushToken[row] }

    /// Contacts whose latest hard-bounced e-mail message (sent before `at`) was not followed by an
    /// e-mail message sent later and delivered before `at`.
    static func bouncedByMessages(_ snapshot: Snapshot, at: Instant) -> [Int] {
        guard let m = snapshot.messages, let email = snapshot.vocabulary.channels.code(of: Channel.email.name) else { return [] }
        var lastBounce = [Instant](repeating: .missing, count: snapshot.contacts.count)
        var lastDelivered = lastBounce   // the latest sent_at of a delivered e-mail message
        for i in 0..<m.count where m.channel[i] == email && m.sentAt[i] < at {
            let c = Int(m.contact[i])
            if m.bounce[i] == .hard { lastBounce[c] = max(lastBounce[c], m.sentAt[i]) }
            if m.deliveredAt[i].exists, m.deliveredAt[i] < at { lastDelivered[c] = max(lastDelivered[c], m.sentAt[i]) }
        }
        return (0..<lastBounce.count).filter { lastBounce[$0].exists && lastDelivered[$0] <= lastBounce[$0] }
    }
}
