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

    /// One waived finding with its contact and the waiver that accepted it, in the audit's order.
    public struct Waived: Sendable, Equatable {
        public let contact: Contact
        public let check: String
        public let waiver: Waiver
    }

    public let audit: StaleContactsAudit
    /// The contacts with at least one open finding, each with its open findings only.
    public let contacts: [Contact]
    /// The waived findings, apart.
    public let waived: [Waived]
    public let sources: [Source]
    /// Every finding, one line each: findings/stale-contacts.csv.
    public let rows: [StaleFindingRow]
    /// The severity of each check after `stale.severity`.
    public let severity: [String: Severity]
    /// The summary's stale share at A, at the previous period's end and at the year-ago period's end.
    public let share: (current: StaleShare, previous: StaleShare, yearAgo: StaleShare)
    /// The waivers of stale findings: which apply, which expired, which match nothing.
    public var waivers: WaiverMatch { audit.waivers }
    /// Per check, its unwaived findings against its severity and threshold: what `--fail-on` reads.
    public let tallies: [CheckTally]
    /// Who can be reached on which channel at A (for the consent audit's addressable base).
    public let reachability: ContactReachability

    /// The audit's gating settings from `stale.severity` and `stale.thresholds` (a typo is an error).
    static func policy(_ config: ReportConfig) throws -> GatePolicy {
        try GatePolicy(checks: StaleChecks.all.map { type(of: $0).description }, severity: config.staleSeverity,
                       thresholds: config.staleThresholds, skip: config.staleSkip, section: "stale")
    }

    static func compute(_ s: Snapshot, config: ReportConfig, period p: ReportPeriod, policy: GatePolicy,
                        waivers: [Waiver], early: EarlyValidation?) -> StaleAuditResult {
        let zone = s.zone
        let settings = StaleSettings(config: config)
        let validation = early?.validation(for: s.contacts) ?? ContactValidation(contacts: s.contacts, settings: settings.validation)
        let auditor = StaleAuditor(snapshot: s, settings: settings, validation: validation)
        let audit = auditor.audit(previousAsOf: StaleAuditor.previousAsOf(s.asOf, period: config.period, zone: zone),
                                  period: p.start(zone)..<p.end(zone), previousPeriod: p.previous.start(zone)..<p.previous.end(zone),
                                  waivers: waivers)
        // The columns as locals: reached through `s` inside the loops, the snapshot was copied per finding.
        let ids = s.contacts.id, sourceCodes = s.contacts.source, sourceNames = s.vocabulary.sources
        let emails = s.contacts.email, phones = s.contacts.phone
        func contact(_ row: Int, _ checks: [String]) -> Contact {
            Contact(id: ids[row], source: sourceNames[sourceCodes[row]], email: emails[row], phone: phones[row], checks: checks)
        }
        var contacts: [Contact] = []
        var waived: [Waived] = []
        var i = 0
        let f = audit.findings, match = audit.waivers
        while i < f.count {
            let row = Int(f[i].contact)
            var checks: [String] = []
            while i < f.count, Int(f[i].contact) == row {
                if let w = match.waiver(i) {
                    waived.append(Waived(contact: contact(row, [f[i].check]), check: f[i].check, waiver: w))
                } else {
                    checks.append(f[i].check)
                }
                i += 1
            }
            if !checks.isEmpty { contacts.append(contact(row, checks)) }
        }
        let sources = Self.sources(s, flagged: Set(f.indices.filter { match.waiverOf[$0] < 0 }.map { f[$0].contact }))
        let severity = Dictionary(StaleChecks.all.map { c in (c.identifier, policy.severity(of: c.identifier)) },
                                  uniquingKeysWith: { a, _ in a })
        let share = (auditor.staleShare(at: s.asOf), auditor.staleShare(at: p.previous.end(zone)), auditor.staleShare(at: p.yearAgo.end(zone)))
        return StaleAuditResult(audit: audit, contacts: contacts, waived: waived, sources: sources, rows: audit.csvRows(in: s),
                                severity: severity, share: share, tallies: tallies(audit, policy: policy),
                                reachability: auditor.reachability(at: s.asOf))
    }

    /// Each check's open and waived findings against its severity and threshold; a check not run
    /// with the tables it lacked. Every stale check judges the whole base.
    static func tallies(_ audit: StaleContactsAudit, policy: GatePolicy) -> [CheckTally] {
        let ids = StaleChecks.all.map(\.identifier)
        let absent = Dictionary(audit.notes.filter { $0.effect == .notRun }.map { ($0.check, $0.absentTables) }, uniquingKeysWith: { a, _ in a })
        return Gate.tallies(counts: Dictionary(ids.map { ($0, (audit.checks[$0] ?? nil)?.count ?? 0) }, uniquingKeysWith: { a, _ in a }),
                            judged: Dictionary(ids.map { ($0, audit.base) }, uniquingKeysWith: { a, _ in a }), policy: policy,
                            waived: Dictionary(ids.map { ($0, (audit.checks[$0] ?? nil)?.waived ?? 0) }, uniquingKeysWith: { a, _ in a }),
                            absent: absent)
    }

    static func sources(_ s: Snapshot, flagged: Set<Int32>) -> [Source] {
        var base: [String: Int] = [:], bad: [String: Int] = [:]
        let contacts = s.contacts, names = s.vocabulary.sources
        for row in 0..<contacts.count where !contacts.isDeleted(row) {
            let name = names[contacts.source[row]] ?? StaleCheckResult.noSource
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
