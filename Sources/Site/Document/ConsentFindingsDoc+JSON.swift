import Audits
import Foundation

/// A finding of findings/consent.json written field by field: the very bytes `JSONValueEncoder`
/// and `compactText()` give for it (a test holds them equal), in a fraction of the time and
/// memory, since the file has a line for each of hundreds of thousands of findings (the generic
/// encoder took 12.5 s and a tree of millions of nodes on the 1M-contact demo).
/// Keys come from the coding keys, in sorted order, as the generic encoder sorts them.
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
        j.field(K.evidence, evidence) { facts, j in
            j.raw("{")
            for (n, name) in facts.keys.sorted().enumerated() {
                if n > 0 { j.raw(",") }
                j.key(name)
                switch facts[name] ?? .null {
                case .int(let v): j.int(v)
                case .text(let t): j.string(t)
                case .null: j.raw("null")
                }
            }
            j.raw("}")
        }
        j.field(K.key, key)
        j.field(K.messageID, messageID)
        j.field(K.phone, phone)
        j.field(K.sentAt, sentAt)
        j.field(K.severity, severity)
        j.field(K.unsubscribeMessageID, unsubscribeMessageID)
        j.field(K.waivedBy, waivedBy)
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
