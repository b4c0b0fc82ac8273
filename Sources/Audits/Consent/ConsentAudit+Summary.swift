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
        addressableBase(at: [moment], in: snapshot, reachable: reachable)[0]
    }

    /// The addressable base at several moments in one pass (the summary's three figures and its
    /// 26-period sparkline): each contact's events are walked once, in time order.
    public func addressableBase(at moments: [Instant], in snapshot: Snapshot,
                                reachable: (_ contact: Int, _ channel: Channel) -> Bool) -> [Int] {
        var base = [Int](repeating: 0, count: moments.count)
        guard let consents = snapshot.consents, !moments.isEmpty else { return base }
        let contacts = snapshot.contacts
        let ascending = moments.indices.sorted { moments[$0] < moments[$1] }
        var states = ConsentStates()
        let channels = ConsentStates.allChannels
        // Reachability does not depend on the moment: asked at most once per contact and channel.
        var known = [Bool?](repeating: nil, count: ConsentStates.channels)
        for k in 0..<min(contacts.count, events.contacts) {
            let range = events.range(k)
            guard !range.isEmpty else { continue }
            states.reset()
            for c in known.indices { known[c] = nil }
            var next = range.lowerBound
            for m in ascending {
                let moment = moments[m]
                while next < range.upperBound, consents.occurredAt[Int(events.order[next])] < moment {
                    states.apply(Int(events.order[next]), consents)
                    next += 1
                }
                guard contacts.createdAt[k] < moment else { continue }
                if contacts.deletedAt[k].exists && contacts.deletedAt[k] < moment { continue }
                for channel in channels where states.activeGrant(Int(channel.rawValue), at: moment, consents) != nil {
                    let c = Int(channel.rawValue)
                    if known[c] == nil { known[c] = reachable(k, channel) }
                    if known[c] == true {
                        base[m] += 1
                        break
                    }
                }
            }
        }
        return base
    }
}
