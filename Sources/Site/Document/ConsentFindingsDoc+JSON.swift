import Audits
import Foundation

/// findings/consent.json written field by field: the very bytes `JSONValueEncoder` and
/// `compactText()` give for the document (a test holds them equal), in a fraction of the time
/// and memory, since the file has a line for each of hundreds of thousands of findings (the
/// generic encoder took 12.5 s and a tree of millions of nodes on the 1M-contact demo).
/// Keys come from the coding keys, in sorted order, as the generic encoder sorts them.
extension ConsentFindingsDoc {
    public func compactJSON() -> Data {
        var j = JSONBytes(capacity: (findings.count + waived.count) * 320)
        j.raw("{\n")
        Self.list(CodingKeys.expiredWaivers, expiredWaivers, &j) { $0.write(&$1) }
        j.raw(",\n")
        Self.list(CodingKeys.findings, findings, &j) { $0.write(&$1) }
        j.raw(",\n")
        j.key(CodingKeys.timezone.stringValue)
        j.string(timezone)
        j.raw(",\n")
        Self.list(CodingKeys.unmatchedWaivers, unmatchedWaivers, &j) { $0.write(&$1) }
        j.raw(",\n")
        Self.list(CodingKeys.waived, waived, &j) { $0.write(&$1) }
        j.raw("\n}\n")
        return Data(j.bytes)
    }

    /// `"key":[`, one item a line, `]`; `[]` when empty.
    private static func list<T: Sendable>(_ key: CodingKeys, _ items: [T], _ j: inout JSONBytes,
                                          _ write: @Sendable (T, inout JSONBytes) -> Void) {
        j.key(key.stringValue)
        if items.isEmpty { j.raw("[]"); return }
        j.raw("[")
        // The items' lines in chunks on all cores, joined in order.
        let chunks = parallelChunks(items.count) { range in
            var part = JSONBytes(capacity: range.count * 320)
            for i in range {
                part.raw(i > 0 ? ",\n" : "\n")
                write(items[i], &part)
            }
            return part.bytes
        }
        for chunk in chunks { j.raw(chunk) }
        j.raw("\n]")
    }
}

extension ConsentFindingsDoc.Finding {
    func write(_ j: inout JSONBytes) {
        typealias K = CodingKeys
        j.raw("{")
        j.key(K.campaignID.stringValue); j.int(campaignID)
        j.raw(","); j.key(K.campaignName.stringValue); j.string(campaignName)
        j.raw(","); j.key(K.channel.stringValue); j.string(channel)
        j.raw(","); j.key(K.check.stringValue); j.string(check)
        j.raw(","); j.key(K.contactID.stringValue); j.int(contactID)
        j.raw(","); j.key(K.decidingEvent.stringValue)
        if let decidingEvent { decidingEvent.write(&j) } else { j.raw("null") }
        j.raw(","); j.key(K.email.stringValue); j.string(email)
        j.raw(","); j.key(K.key.stringValue); j.string(key)
        j.raw(","); j.key(K.messageID.stringValue); j.int(messageID)
        j.raw(","); j.key(K.phone.stringValue); j.string(phone)
        j.raw(","); j.key(K.sentAt.stringValue); j.string(sentAt)
        j.raw(","); j.key(K.severity.stringValue); j.string(severity)
        j.raw(","); j.key(K.unsubscribeMessageID.stringValue); j.int(unsubscribeMessageID)
        j.raw(","); j.key(K.waiver.stringValue)
        if let waiver { waiver.write(&j) } else { j.raw("null") }
        j.raw("}")
    }
}

extension ConsentFindingsDoc.Event {
    func write(_ j: inout JSONBytes) {
        typealias K = CodingKeys
        j.raw("{")
        j.key(K.action.stringValue); j.string(action)
        j.raw(","); j.key(K.hasEvidence.stringValue); j.bool(hasEvidence)
        j.raw(","); j.key(K.hasSource.stringValue); j.bool(hasSource)
        j.raw(","); j.key(K.id.stringValue); j.int(id)
        j.raw(","); j.key(K.occurredAt.stringValue); j.string(occurredAt)
        j.raw("}")
    }
}

extension ConsentFindingsDoc.WaiverDoc {
    func write(_ j: inout JSONBytes) {
        typealias K = CodingKeys
        j.raw("{")
        j.key(K.acceptedBy.stringValue); j.string(acceptedBy)
        j.raw(","); j.key(K.expires.stringValue); j.string(expires)
        j.raw(","); j.key(K.key.stringValue); j.string(key)
        j.raw(","); j.key(K.reason.stringValue); j.string(reason)
        j.raw("}")
    }
}
