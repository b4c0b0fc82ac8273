import Audits
import CRMData
import Formatting
import Results

/// `crm-report contact --format json`: the provenance, the contact's fields, the timeline in time
/// order and the findings of both audits with their waivers. Times are ISO-8601 in the configured
/// zone with its offset; personal data (e-mail, phone, birth date, consent evidence) is masked
/// unless `showPII`, as on the audit pages.
public struct ContactFileDoc {
    public let file: ContactFile
    public let provenance: Provenance
    public let zone: ZoneClock
    public let showPII: Bool

    public init(_ file: ContactFile, provenance: Provenance, zone: ZoneClock, showPII: Bool) {
        self.file = file
        self.provenance = provenance
        self.zone = zone
        self.showPII = showPII
    }

    /// One line of the timeline: its moment, kind and facts.
    struct Entry {
        let at: Instant
        /// created, consent, message, unsubscribe, deleted: the order of entries at one instant.
        let rank: Int
        let id: Int64
        let kind: String
        let fields: [(String, JSONValue)]
    }

    func time(_ t: Instant?) -> JSONValue { t.map { .string(LocalTime.iso($0, zone: zone)) } ?? .null }
    func id(_ v: Int64?) -> JSONValue { v.map { .int(Int($0)) } ?? .null }

    /// The entries of the timeline, in time order (at one instant: the kinds' order, then id).
    var entries: [Entry] {
        let f = file
        var out = [Entry(at: f.createdAt, rank: 0, id: f.id, kind: "created", fields: [])]
        for e in f.consentEvents {
            out.append(Entry(at: e.at, rank: 1, id: e.id, kind: "consent", fields: [
                ("event_id", id(e.id)), ("action", .string(e.action)), ("purpose", .string(e.purpose)),
                ("channel", .str(e.channel)), ("source", .str(e.source)), ("has_evidence", .bool(e.evidence != nil)),
                ("evidence", showPII ? .str(e.evidence) : .null), ("expires_at", time(e.expiresAt)),
            ]))
        }
        for m in f.messages {
            out.append(Entry(at: m.at, rank: 2, id: m.id, kind: "message", fields: [
                ("message_id", id(m.id)), ("channel", .str(m.channel)), ("purpose", .string(m.purpose)),
                ("campaign_id", id(m.campaignID)), ("campaign", .str(m.campaignName)),
                ("consent_state", .string(m.consent.rawValue)), ("deciding_event_id", id(m.decidingEventID)),
                ("unsubscribe_message_id", id(m.unsubscribeMessageID)), ("finding", .str(m.check)),
                ("delivered_at", time(m.deliveredAt)), ("bounce", .str(m.bounce)),
            ]))
            if let u = m.unsubscribedAt {
                out.append(Entry(at: u, rank: 3, id: m.id, kind: "unsubscribe", fields: [("message_id", id(m.id)), ("channel", .str(m.channel))]))
            }
        }
        if let d = f.deletedAt { out.append(Entry(at: d, rank: 4, id: f.id, kind: "deleted", fields: [])) }
        return out.sorted { a, b in a.at != b.at ? a.at < b.at : a.rank != b.rank ? a.rank < b.rank : a.id < b.id }
    }

    func waiver(_ w: Waiver?) -> JSONValue {
        guard let w else { return .null }
        return .object([("key", .string(w.key.description)), ("reason", .string(w.reason)), ("accepted_by", .string(w.acceptedBy)),
                        ("expires", .string(w.expiresLabel))])
    }

    public var json: JSONValue {
        let f = file
        let p = provenance
        let contact: [(String, JSONValue)] = [
            ("id", id(f.id)), ("created_at", time(f.createdAt)), ("verified_at", time(f.verifiedAt)), ("deleted_at", time(f.deletedAt)),
            ("email", f.email.map { .string(PersonalData.email($0, show: showPII)) } ?? .null),
            ("phone", f.phone.map { .string(PersonalData.phone($0, show: showPII)) } ?? .null),
            ("has_push_token", .bool(f.hasPushToken)),
            ("birth_date", f.birthDate.map { .string(showPII ? $0 : "***") } ?? .null),
            ("segment", .string(f.segment)), ("source", .str(f.source)), ("region", .str(f.region)), ("owner", .str(f.owner)),
        ]
        let consent: JSONValue = f.consentFindings.map { list in
            .array(list.map { e in
                .object([("check", .string(e.check)), ("severity", .string(e.severity.rawValue)), ("key", .string(e.key)),
                         ("message_id", id(e.messageID)), ("sent_at", time(e.sentAt)), ("channel", .str(e.channel)),
                         ("deciding_event_id", id(e.eventID)), ("unsubscribe_message_id", id(e.unsubscribeMessageID)),
                         ("waiver", waiver(e.waiver))])
            })
        } ?? .null
        let stale: JSONValue = .array(f.staleFindings.map { s in
            .object([("check", .string(s.check)), ("severity", .string(s.severity.rawValue)), ("waiver", waiver(s.waiver))])
        })
        return .object([
            ("provenance", .object([("generator", .string(Provenance.generator)), ("version", .string(Provenance.version)),
                                    ("as_of", .string(p.asOf)), ("timezone", .string(p.timezone)),
                                    ("database_sha256", .string(p.databaseSHA256)), ("config_sha256", .string(p.configHash)),
                                    ("show_pii", .bool(showPII))])),
            ("contact", .object(contact)),
            ("timeline", .array(entries.map { e in .object([("at", time(e.at)), ("kind", .string(e.kind))] + e.fields) })),
            ("findings", .object([("consent", consent), ("stale_contacts", stale)])),
        ])
    }
}
