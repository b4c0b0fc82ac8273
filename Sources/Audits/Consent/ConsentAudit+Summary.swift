import CRMData

/// The executive summary's consent figures.
extension ConsentAudit {
    /// Message-level violations (severity violation after overrides, not waived) of messages
    /// sent in [start, end): the summary's "consent violations" for a period.
    public func violations(sentFrom start: Instant, to end: Instant) -> Int {
        Self.count(violationTimes, from: start.ms, to: end.ms)
    }

    /// The addressable base at a moment T: contacts created before T and not deleted before T with
    /// at least one channel that is reachable and has an active marketing consent at T.
    ///
    /// The consent state at T is read from the events before T, as a run with as-of T would read
    /// it, so the figure for a past period's end does not change when the report is re-made later;
    /// a grant expiring at or before T is not active.
    /// - Parameter reachable: whether a contact row can be reached on a channel (a valid, unbounced
    ///   e-mail; a valid phone for sms, phone and messenger; a push token), from the stale audit's validators.
    public func addressableBase(at moment: Instant, in snapshot: Snapshot,
                                reachable: (_ contact: Int, _ channel: Channel) -> Bool) -> Int {
        guard let consents = snapshot.consents else { return 0 }
        let contacts = snapshot.contacts
        var states = ConsentStates()
        var base = 0
        for k in 0..<min(contacts.count, events.contacts) {
            let range = events.range(k)
            guard !range.isEmpty, contacts.createdAt[k] < moment else { continue }
            if contacts.deletedAt[k].exists && contacts.deletedAt[k] < moment { continue }
            states.reset()
            for i in range {
                let e = Int(events.order[i])
                guard consents.occurredAt[e] < moment else { break }
                states.apply(e, consents)
            }
            for channel in Channel.allCases where states.activeGrant(Int(channel.rawValue), at: moment, consents) != nil {
                if reachable(k, channel) {
                    base += 1
                    break
                }
            }
        }
        return base
    }
}
