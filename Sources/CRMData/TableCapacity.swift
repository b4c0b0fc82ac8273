/// Room for a table's rows reserved before its scan, from the engine's hint of how many it
/// holds: the column arrays then grow in place instead of doubling and copying (on the 1M-contact
/// demo the copies and their fresh pages were a tenth of the read). Only the large tables say how;
/// a hint above the rows read costs address space, not memory, as untouched pages are not backed.
extension ContractTable {
    mutating func reserveCapacity(_ n: Int) {}
}

extension MessageTable {
    mutating func reserveCapacity(_ n: Int) {
        id.reserveCapacity(n); campaign.reserveCapacity(n); contact.reserveCapacity(n); channel.reserveCapacity(n)
        purpose.reserveCapacity(n); sentAt.reserveCapacity(n); deliveredAt.reserveCapacity(n); openedAt.reserveCapacity(n)
        clickedAt.reserveCapacity(n); bounce.reserveCapacity(n); unsubscribedAt.reserveCapacity(n)
    }
}

extension ConsentTable {
    mutating func reserveCapacity(_ n: Int) {
        id.reserveCapacity(n); contact.reserveCapacity(n); purpose.reserveCapacity(n); channel.reserveCapacity(n)
        action.reserveCapacity(n); occurredAt.reserveCapacity(n); source.reserveCapacity(n); evidence.reserveCapacity(n)
        expiresAt.reserveCapacity(n)
    }
}

extension OrderTable {
    mutating func reserveCapacity(_ n: Int) {
        id.reserveCapacity(n); contact.reserveCapacity(n); orderedAt.reserveCapacity(n); amount.reserveCapacity(n)
        status.reserveCapacity(n); channel.reserveCapacity(n)
    }
}

extension InteractionTable {
    mutating func reserveCapacity(_ n: Int) {
        contact.reserveCapacity(n); kind.reserveCapacity(n); occurredAt.reserveCapacity(n); channel.reserveCapacity(n)
    }
}

extension CampaignMemberTable {
    mutating func reserveCapacity(_ n: Int) {
        campaign.reserveCapacity(n); contact.reserveCapacity(n); arm.reserveCapacity(n); assignedAt.reserveCapacity(n)
    }
}
