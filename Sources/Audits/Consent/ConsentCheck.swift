import CRMData

/// What a consent check judges: the denominator of its share threshold, and the subject
/// of its findings' waiver keys.
public enum ConsentPopulation: Sendable {
    /// Every message (to_deleted).
    case messages
    /// Marketing messages.
    case marketingMessages
    /// Unsubscribes whose recording window closed before the as-of moment.
    case unsubscribes
    /// Grants of any purpose of non-deleted contacts.
    case grants
    /// Marketing grants of non-deleted contacts.
    case marketingGrants
    /// Marketing grants active at the as-of moment, of non-deleted contacts.
    case activeMarketingGrants
    /// Non-deleted contacts holding personal data.
    case contactsWithPersonalData
    /// Non-deleted contacts.
    case contacts

    public var subject: FindingKey.Subject {
        switch self {
        case .messages, .marketingMessages, .unsubscribes: return .message
        case .grants, .marketingGrants, .activeMarketingGrants: return .consent
        case .contactsWithPersonalData, .contacts: return .contact
        }
    }
}

/// A check of the consent audit. Its judging function is one of the kinds below; the audit's
/// single pass gathers the facts and asks each check in `ConsentChecks.all` order.
public protocol ConsentCheck: AuditCheck {
    static var population: ConsentPopulation { get }
    /// The facts each of its findings carries (metrics.md, "Evidence"), in the CSV's order.
    static var evidence: [EvidenceFact.Name] { get }
}

/// A check's verdict: the consent event that decided it (-1 where an absence decides);
/// for unsubscribe checks, the message through which the recipient unsubscribed; for
/// unrecorded_unsubscribe, the withdrawal recorded too late (-1: none at all).
struct Decision {
    var event: Int32
    var causeMessage: Int32 = -1
    var lateWithdrawal: Int32 = -1
}

/// Judges one message (at most one message check finds something per message).
protocol MessageCheck: ConsentCheck {
    static func judge(_ m: MessageFacts, _ s: ConsentSettings) -> Decision?
}

/// Judges one unsubscribe (a message with `unsubscribed_at`).
protocol UnsubscribeCheck: ConsentCheck {
    static func judge(_ u: UnsubscribeFacts, _ s: ConsentSettings) -> Decision?
}

/// Judges one grant of a non-deleted contact.
protocol GrantCheck: ConsentCheck {
    static func judge(_ g: GrantFacts, _ s: ConsentSettings) -> Decision?
}

/// Judges one non-deleted contact at the as-of moment.
protocol ContactCheck: ConsentCheck {
    static func judge(_ c: ContactFacts, _ s: ConsentSettings) -> Decision?
}
