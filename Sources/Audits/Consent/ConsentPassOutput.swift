// What the pass gives back: findings as columns and the populations' sizes.

/// Findings as columns, in the order the pass found them.
struct RawFindings: Sendable {
    /// Index into `ConsentChecks.all`.
    var check: [UInt8] = []
    var contact: [Int32] = []
    var message: [Int32] = []
    var event: [Int32] = []
    var cause: [Int32] = []
    var lateWithdrawal: [Int32] = []

    var count: Int { check.count }

    mutating func append(_ check: Int, contact: Int32, message: Int32, _ d: Decision) {
        self.check.append(UInt8(check))
        self.contact.append(contact)
        self.message.append(message)
        event.append(d.event)
        cause.append(d.causeMessage)
        lateWithdrawal.append(d.lateWithdrawal)
    }

    mutating func append(contentsOf o: RawFindings) {
        check += o.check
        contact += o.contact
        message += o.message
        event += o.event
        cause += o.cause
        lateWithdrawal += o.lateWithdrawal
    }
}

/// How many messages, grants and contacts each population holds (the share thresholds' denominators).
struct PopulationCounts: Sendable {
    var messages = 0, marketingMessages = 0, unsubscribes = 0
    var grants = 0, marketingGrants = 0, activeMarketingGrants = 0
    var contacts = 0, contactsWithPersonalData = 0

    subscript(p: ConsentPopulation) -> Int {
        switch p {
        case .messages: return messages
        case .marketingMessages: return marketingMessages
        case .unsubscribes: return unsubscribes
        case .grants: return grants
        case .marketingGrants: return marketingGrants
        case .activeMarketingGrants: return activeMarketingGrants
        case .contacts: return contacts
        case .contactsWithPersonalData: return contactsWithPersonalData
        }
    }

    static func + (a: PopulationCounts, b: PopulationCounts) -> PopulationCounts {
        var s = a
        s.messages += b.messages; s.marketingMessages += b.marketingMessages; s.unsubscribes += b.unsubscribes
        s.grants += b.grants; s.marketingGrants += b.marketingGrants; s.activeMarketingGrants += b.activeMarketingGrants
        s.contacts += b.contacts; s.contactsWithPersonalData += b.contactsWithPersonalData
        return s
    }
}
