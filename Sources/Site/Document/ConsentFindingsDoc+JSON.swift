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
        j.field(K.campaignID, campaignID, first: true)
        j.field(K.campaignName, campaignName)
        j.field(K.channel, channel)
        j.field(K.check, check)
        j.field(K.contactID, contactID)
        j.field(K.decidingEvent, decidingEvent) { $0.write(&$1) }
        j.field(K.email, email)
        j.field(K.key, key)
        j.field(K.messageID, messageID)
        j.field(K.phone, phone)
        j.field(K.sentAt, sentAt)
        j.field(K.severity, severity)
        j.field(K.unsubscribeMessageID, unsubscribeMessageID)
        j.field(K.waiver, waiver) { $0.write(&$1) }
        j.raw("}")
    }
}

extension ConsentFindingsDoc.Event {
    func write(_ j: inout JSONBytes) {
        j.raw("{")
        j.field(CodingKeys.action, action, first: true)
        j.field(CodingKeys.evidence, evidence)
        j.field(CodingKeys.hasEvidence, hasEvidence)
        j.field(CodingKeys.hasSource, hasSource)
        j.field(CodingKeys.id, id)
        j.field(CodingKeys.occurredAt, occurredAt)
        j.field(CodingKeys.source, source)
        j.raw("}")
    }
}

extension ConsentFindingsDoc.WaiverDoc {
    func write(_ j: inout JSONBytes) {
        j.raw("{")
        j.field(CodingKeys.acceptedBy, acceptedBy, first: true)
        j.field(CodingKeys.expires, expires)
        j.field(CodingKeys.key, key)
        j.field(CodingKeys.reason, reason)
        j.raw("}")
    }
}
