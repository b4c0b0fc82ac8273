import Audits
import CRMData
import Reports

/// The stale-contact audit as renderers need it: report.json's counts, and each contact with a
/// finding resolved from the snapshot (id, source, contact data for the masked list), so pages,
/// CSV and the summary never reach back into the snapshot.
public struct StaleAuditResult: Sendable {
    /// One contact with its findings, in the audit's order (by contact id).
    public struct Contact: Sendable, Equatable {
        public let id: Int64
        public let source: String?
        public let email: String?
        public let phone: String?
        public let checks: [String]
    }

    /// Which source brings bad contacts: per `contacts.source` of the base, its contacts and
    /// those with at least one finding; the worst share first.
    public struct Source: Sendable, Equatable {
        public let source: String
        public let contacts: Int
        public let flagged: Int
        public var share: Double? { contacts > 0 ? Double(flagged) / Double(contacts) : nil }
    }

    public let audit: StaleContactsAudit
    public let contacts: [Contact]
    public let sources: [Source]
    /// Every finding, one line each: findings/stale-contacts.csv.
    public let rows: [StaleFindingRow]
    /// The severity of each check after `stale.severity`.
    public let severity: [String: Severity]
    /// The summary's stale share at A, at the previous period's end and at the year-ago period's end.
    public let share: (current: StaleShare, previous: StaleShare, yearAgo: StaleShare)

    static func compute(_ s: Snapshot, config: ReportConfig, period p: ReportPeriod) -> StaleAuditResult {
        let zone = s.zone
        let auditor = StaleAuditor(snapshot: s, config: config)
        let audit = auditor.audit(previousAsOf: StaleAuditor.previousAsOf(s.asOf, period: config.period, zone: zone),
                                  period: p.start(zone)..<p.end(zone), previousPeriod: p.previous.start(zone)..<p.previous.end(zone))
        var contacts: [Contact] = []
        var i = 0
        let f = audit.findings
        while i < f.count {
            let row = Int(f[i].contact)
            var checks: [String] = []
            while i < f.count, Int(f[i].contact) == row {
                checks.append(f[i].check)
                i += 1
            }
            contacts.append(Contact(id: s.contacts.id[row], source: s.vocabulary.sources[s.contacts.source[row]],
                                    email: s.contacts.email[row], phone: s.contacts.phone[row], checks: checks))
        }
        let sources = Self.sources(s, flagged: Set(f.map(\.contact)))
        let settings = auditor.settings
        let severity = Dictionary(StaleChecks.all.map { c in (c.identifier, settings.severity(of: type(of: c).description)) },
                                  uniquingKeysWith: { a, _ in a })
        let share = (auditor.staleShare(at: s.asOf), auditor.staleShare(at: p.previous.end(zone)), auditor.staleShare(at: p.yearAgo.end(zone)))
        return StaleAuditResult(audit: audit, contacts: contacts, sources: sources, rows: audit.csvRows(in: s), severity: severity,
                                share: share)
    }

    static func sources(_ s: Snapshot, flagged: Set<Int32>) -> [Source] {
        var base: [String: Int] = [:], bad: [String: Int] = [:]
        for row in 0..<s.contacts.count where !s.contacts.isDeleted(row) {
            let name = s.vocabulary.sources[s.contacts.source[row]] ?? StaleCheckResult.noSource
            base[name, default: 0] += 1
            if flagged.contains(Int32(row)) { bad[name, default: 0] += 1 }
        }
        return base.map { Source(source: $0.key, contacts: $0.value, flagged: bad[$0.key] ?? 0) }
            .sorted { a, b in
                let (x, y) = (a.share ?? 0, b.share ?? 0)
                return x != y ? x > y : (a.flagged != b.flagged ? a.flagged > b.flagged : a.source < b.source)
            }
    }
}
