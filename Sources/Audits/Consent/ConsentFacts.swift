import CRMData

/// What the pass knows about one message at the moment it was sent.
struct MessageFacts {
    var message: Int32 = -1
    var contact: Int32 = -1
    var sentAt = Instant.missing
    var isMarketing = true
    /// The recipient's deletion (missing: not deleted before the as-of moment).
    var deletedAt = Instant.missing
    /// The deciding marketing event for the message's channel at send time (-1: none) and its facts.
    var deciding: Int32 = -1
    var decidingIsWithdrawal = false
    var decidingAt = Instant.missing
    var decidingExpires = Instant.missing
    /// Whether a marketing grant for the channel (or NULL) was given at or before send time, and the latest one.
    var everGranted = false
    var lastGrantAt = Instant.missing
    /// The latest unsubscribe through an earlier message on the same channel at least
    /// `consent.grace_days` before send time, and that message (-1: none).
    var unsubscribeAt = Instant.missing
    var unsubscribeMessage: Int32 = -1
}

/// One unsubscribe whose recording window (max(grace, 1) days) closed before the as-of moment.
struct UnsubscribeFacts {
    var message: Int32
    var contact: Int32
    var unsubscribedAt: Instant
    /// The first marketing withdrawal for the message's channel (or NULL) at or after the unsubscribe (-1: none).
    var nextWithdrawal: Int32
    var nextWithdrawalAt: Instant
}

/// One grant of a non-deleted contact, at the as-of moment.
struct GrantFacts {
    var consent: Int32
    var contact: Int32
    var purpose: ConsentPurpose
    var occurredAt: Instant
    var hasSource: Bool
    var hasEvidence: Bool
    /// A marketing grant that decides at least one channel at the as-of moment and has not expired.
    var isActive: Bool
    /// The contact's birth day (local day number); nil when absent or not a date.
    var birthDay: Int?
}

/// One non-deleted contact at the as-of moment.
struct ContactFacts {
    var contact: Int32
    var hasPersonalData: Bool
    /// The latest `processing` event, read across all channels (-1: none), and its facts.
    var processing: Int32
    var processingIsWithdrawal: Bool
    var processingAt: Instant
    var processingExpires: Instant
}
