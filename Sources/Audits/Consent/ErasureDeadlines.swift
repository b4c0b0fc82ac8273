import CRMData

/// A withdrawal of consent to processing that starts the erasure clock (152-FZ art. 21 part 5;
/// GDPR Art. 17): the contact, not deleted at A, whose latest `processing` event is a withdrawal.
public struct ErasureDeadline: Sendable, Equatable {
    public let contactID: Int64
    public let eventID: Int64
    /// Local days (the configured zone) of the withdrawal and of its deadline (withdrawal + `consent.erasure_days`).
    public let withdrawnDay: Int
    public let deadlineDay: Int
    /// Whole days from A to the deadline, rounded down: 0 on the last day, negative once overdue.
    public let daysLeft: Int
    /// More than `consent.erasure_days` have passed: the contact has a not_erased finding.
    public let overdue: Bool
}

/// A deleted contact messaged after the deletion (the to_deleted findings, by contact).
public struct DeletedButMessaged: Sendable, Equatable {
    public let contactID: Int64
    public let deletedDay: Int
    public let messages: Int
    public let lastSentDay: Int
}

extension ConsentPass {
    /// Every erasure clock running at A, overdue first (most overdue first), then by days left and contact id.
    /// Asked of the state machine at A, with not_erased's own rule for "overdue".
    func erasureDeadlines() -> [ErasureDeadline] {
        let c = consents, s = settings
        var out: [ErasureDeadline] = []
        for k in 0..<contacts.count where contacts.deletedAt[k].isMissing && !events.range(k).isEmpty {
            let p = statesAtAsOf(contact: k).processing
            guard p >= 0, c.action[Int(p)] == .withdraw else { continue }
            let at = c.occurredAt[Int(p)]
            let deadline = at.ms + s.erasureMs
            let left = deadline - s.asOf.ms
            let days = left >= 0 ? left / Instant.msPerDay : -((-left + Instant.msPerDay - 1) / Instant.msPerDay)
            let facts = ContactFacts(contact: Int32(k), hasPersonalData: true, processing: p, processingIsWithdrawal: true,
                                     processingAt: at, processingExpires: c.expiresAt[Int(p)])
            out.append(ErasureDeadline(contactID: contacts.id[k], eventID: c.id[Int(p)], withdrawnDay: s.zone.day(of: at),
                                       deadlineDay: s.zone.day(of: Instant(ms: deadline)), daysLeft: Int(days),
                                       overdue: NotErasedCheck.judge(facts, s) != nil))
        }
        return out.sorted { a, b in
            a.overdue != b.overdue ? a.overdue : a.daysLeft != b.daysLeft ? a.daysLeft < b.daysLeft : a.contactID < b.contactID
        }
    }
}
