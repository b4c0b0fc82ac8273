import Audits
import Results

/// report.json `stale_contacts`: outputs.md's `{base, previous_base, checks}` (the audit's own
/// encoding) plus the sources ranked by their share of contacts with a finding.
public struct StaleContactsDoc: Codable, Sendable, Equatable {
    public struct Source: Codable, Sendable, Equatable {
        public var source: String
        public var contacts: Int
        public var flagged: Int
        public var share: Double?
    }

    public var audit: StaleContactsAudit
    public var sources: [Source]

    enum CodingKeys: String, CodingKey { case sources }

    public init(_ r: StaleAuditResult) {
        audit = r.audit
        sources = r.sources.map { Source(source: $0.source, contacts: $0.contacts, flagged: $0.flagged, share: $0.share) }
    }

    public init(from decoder: any Decoder) throws {
        audit = try StaleContactsAudit(from: decoder)
        sources = try decoder.container(keyedBy: CodingKeys.self).decode([Source].self, forKey: .sources)
    }

    public func encode(to encoder: any Encoder) throws {
        try audit.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sources, forKey: .sources)
    }
}
