import Audits
import CRMData
import Formatting
import Foundation
import Results

/// findings/consent.json: the run's provenance, every unwaived finding with its evidence facts,
/// the waived ones apart with their waiver, and the waivers that expired or matched nothing.
/// Moments are ISO-8601 in the report's zone; personal data is masked unless --show-pii, as on
/// the page. The production path writes it straight from the audit result (`data`), never
/// holding the resolved findings at once; this type reads it back.
public struct ConsentFindingsDoc: Codable, Sendable, Equatable {
    /// The consent event that decided a finding.
    public struct Event: Codable, Sendable, Equatable {
        public var id: Int64
        public var occurredAt: String?
        public var action: String?
        public var hasSource: Bool
        public var hasEvidence: Bool
        /// Where it was given, as recorded.
        public var source: String?
        /// The proof reference as recorded; nil unless --show-pii, since it may hold an IP address
        /// or a token (`has_evidence` says whether there is one).
        public var evidence: String?
        enum CodingKeys: String, CodingKey {
            case id, occurredAt = "occurred_at", action, hasSource = "has_source", hasEvidence = "has_evidence", source, evidence
        }
    }

    /// A waiver entry as the waiver file gave it.
    public struct WaiverDoc: Codable, Sendable, Equatable {
        public var key: String
        public var reason: String
        public var acceptedBy: String
        public var expires: String
        enum CodingKeys: String, CodingKey { case key, reason, acceptedBy = "accepted_by", expires }

        init(_ w: Waiver) {
            key = w.key.description
            reason = w.reason
            acceptedBy = w.acceptedBy
            expires = w.expiresLabel
        }
    }

    public struct Finding: Codable, Sendable, Equatable {
        public var check: String
        public var severity: String
        public var key: String
        public var messageID: Int64?
        public var contactID: Int64
        public var campaignID: Int64?
        public var campaignName: String?
        public var channel: String?
        public var sentAt: String?
        /// nil where an absence decides (no grant ever, no processing grant).
        public var decidingEvent: Event?
        public var unsubscribeMessageID: Int64?
        /// The facts of metrics.md "Evidence", by name; null where not recorded.
        public var evidence: [String: FactValue]
        public var email: String?
        public var phone: String?
        /// The covering waiver's key (null when open), and the waiver itself.
        public var waivedBy: String?
        public var waiver: WaiverDoc?
        enum CodingKeys: String, CodingKey {
            case check, severity, key, messageID = "message_id", contactID = "contact_id", campaignID = "campaign_id"
            case campaignName = "campaign_name", channel, sentAt = "sent_at", decidingEvent = "deciding_event"
            case unsubscribeMessageID = "unsubscribe_message_id", evidence, email, phone, waivedBy = "waived_by", waiver
        }

        init(_ e: ConsentAuditResult.Evidence, facts: [EvidenceFact], zone: ZoneClock, showPII: Bool) {
            check = e.check
            severity = e.severity.rawValue
            key = e.key
            messageID = e.messageID
            contactID = e.contactID
            campaignID = e.campaignID
            campaignName = e.campaignName
            channel = e.channel
            sentAt = e.sentAt.map { LocalTime.iso($0, zone: zone) }
            decidingEvent = e.eventID.map {
                Event(id: $0, occurredAt: e.eventAt.map { LocalTime.iso($0, zone: zone) }, action: e.eventAction,
                      hasSource: e.eventSource != nil, hasEvidence: e.eventEvidence != nil, source: e.eventSource,
                      evidence: showPII ? e.eventEvidence : nil)
            }
            unsubscribeMessageID = e.unsubscribeMessageID
            evidence = Dictionary(facts.map { ($0.name.rawValue, FactValue($0.value, zone: zone)) }, uniquingKeysWith: { a, _ in a })
            email = e.email.map { PersonalData.email($0, show: showPII) }
            phone = e.phone.map { PersonalData.phone($0, show: showPII) }
            waivedBy = e.waiver?.key.description
            waiver = e.waiver.map(WaiverDoc.init)
        }
    }

    /// An evidence fact's value: an id or a number, a text (moments ISO with their offset), or null.
    public enum FactValue: Codable, Sendable, Equatable {
        case int(Int64)
        case text(String)
        case null

        init(_ v: EvidenceFact.Value, zone: ZoneClock) {
            switch v {
            case .id(let id): self = .int(id)
            case .number(let n): self = .int(Int64(n))
            case .none: self = .null
            default: self = v.text(zone: zone).map(FactValue.text) ?? .null
            }
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null } else if let n = try? c.decode(Int64.self) { self = .int(n) } else { self = .text(try c.decode(String.self)) }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .int(let n): try c.encode(n)
            case .text(let t): try c.encode(t)
            case .null: try c.encodeNil()
            }
        }
    }

    public var provenance: ProvenanceDoc
    public var timezone: String
    public var findings: [Finding]
    public var waived: [Finding]
    public var expiredWaivers: [WaiverDoc]
    public var unmatchedWaivers: [WaiverDoc]

    enum CodingKeys: String, CodingKey {
        case provenance, timezone, findings, waived, expiredWaivers = "expired_waivers", unmatchedWaivers = "unmatched_waivers"
    }

    /// What the file holds besides its two lists of findings.
    struct Head: Encodable {
        var provenance: ProvenanceDoc
        var timezone: String
        var expiredWaivers: [WaiverDoc]
        var unmatchedWaivers: [WaiverDoc]
        enum CodingKeys: String, CodingKey { case provenance, timezone, expiredWaivers = "expired_waivers", unmatchedWaivers = "unmatched_waivers" }
    }

    /// findings/consent.json straight from the audit result: each finding resolved, written and
    /// dropped in turn, on all cores (hundreds of thousands of them on a large CRM).
    public static func data(_ r: ConsentAuditResult, zone: ZoneClock, showPII: Bool, provenance: ProvenanceDoc) throws -> Data {
        let list = r.evidence
        let open = list.indices.filter { !list.isWaived($0) }, waived = list.indices.filter { list.isWaived($0) }
        func findings(_ rows: [Int]) -> JSONValue.List {
            JSONValue.List(count: rows.count) { i, j in
                Finding(list[rows[i]], facts: list.facts(rows[i]), zone: zone, showPII: showPII).write(&j)
            }
        }
        let head = Head(provenance: provenance, timezone: zone.identifier, expiredWaivers: r.audit.waivers.expired.map(WaiverDoc.init),
                        unmatchedWaivers: r.audit.waivers.unmatched.map(WaiverDoc.init))
        return JSONValue.compactDocument(try JSONValueEncoder.encode(head).pairs, lists: ["findings": findings(open), "waived": findings(waived)])
    }
}
