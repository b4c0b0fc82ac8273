import CRMData

/// The stale-contact audit's result for one run, as every renderer reads it. Its Codable form is
/// exactly report.json's `stale_contacts` (outputs.md): `base`, `previous_base` and `checks` by id,
/// each `{count, share, previous_count, by_source}` or `null` when the check was not run. The
/// findings (for the page's list and `findings/stale-contacts.csv`) and the notes (for
/// report.json's `notes` and the page) are not part of that object and are not encoded.
public struct StaleContactsAudit: Sendable, Codable, Equatable {
    /// Non-deleted contacts at A, and at A minus one period.
    public var base: Int
    public var previousBase: Int
    /// Every check of `StaleChecks.all` by id; nil: not run (see `notes`).
    public var checks: [String: StaleCheckResult?]
    /// Why a check was not run, or ran on part of its evidence.
    public var notes: [StaleAuditNote]
    /// Every finding at A, sorted by contact id, then check id.
    public var findings: [Finding]

    public init(base: Int, previousBase: Int, checks: [String: StaleCheckResult?], notes: [StaleAuditNote] = [],
                findings: [Finding] = []) {
        self.base = base
        self.previousBase = previousBase
        self.checks = checks
        self.notes = notes
        self.findings = findings
    }

    enum CodingKeys: String, CodingKey {
        case base, previousBase = "previous_base", checks
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        base = try c.decode(Int.self, forKey: .base)
        previousBase = try c.decode(Int.self, forKey: .previousBase)
        checks = try c.decode([String: StaleCheckResult?].self, forKey: .checks)
        notes = []
        findings = []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(base, forKey: .base)
        try c.encode(previousBase, forKey: .previousBase)
        try c.encode(checks, forKey: .checks)
    }
}

/// One check's numbers in the audit.
public struct StaleCheckResult: Sendable, Codable, Equatable {
    /// Contacts with a finding of the check at A.
    public var count: Int
    /// count / base; nil when the base is empty.
    public var share: Double?
    /// The same check at A minus one period.
    public var previousCount: Int
    /// `count` by `contacts.source`, every source of the base present (zero when none);
    /// a NULL source is "(none)".
    public var bySource: [String: Int]

    /// The `by_source` key of contacts without a source (metrics.md: a NULL breakdown value).
    public static let noSource = "(none)"

    public init(count: Int, share: Double?, previousCount: Int, bySource: [String: Int]) {
        self.count = count
        self.share = share
        self.previousCount = previousCount
        self.bySource = bySource
    }

    enum CodingKeys: String, CodingKey {
        case count, share, previousCount = "previous_count", bySource = "by_source"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(count, forKey: .count)
        try c.encode(share, forKey: .share)   // null, not absent, for an empty base
        try c.encode(previousCount, forKey: .previousCount)
        try c.encode(bySource, forKey: .bySource)
    }
}

/// Why a check's numbers are missing or rest on part of its evidence: optional tables absent.
public struct StaleAuditNote: Sendable, Equatable {
    public enum Effect: String, Sendable {
        /// No evidence at all: the check is `null` in report.json, listed as not run.
        case notRun = "not_run"
        /// The check ran on the evidence that exists (e.g. `bounced` on email_status alone).
        case partial
    }

    public let check: String
    public let effect: Effect
    public let absentTables: [String]

    public init(check: String, effect: Effect, absentTables: [String]) {
        self.check = check
        self.effect = effect
        self.absentTables = absentTables
    }

    /// One line for report.json's `notes` and the page.
    public var text: String {
        let tables = absentTables.joined(separator: ", ")
        switch effect {
        case .notRun: return "stale_contacts.\(check): not run, table \(tables) absent"
        case .partial: return "stale_contacts.\(check): table \(tables) absent, checked without it"
        }
    }
}

/// One line of `findings/stale-contacts.csv` (`contact_id,check,source`), in the audit's order.
public struct StaleFindingRow: Sendable, Equatable {
    public let contactID: Int64
    public let check: String
    /// `contacts.source`; nil when NULL.
    public let source: String?
}

extension StaleContactsAudit {
    /// The findings as CSV rows, resolved against the snapshot the audit was computed from.
    public func csvRows(in snapshot: Snapshot) -> [StaleFindingRow] {
        let ids = snapshot.contacts.id, sources = snapshot.contacts.source, names = snapshot.vocabulary.sources
        return findings.map { f in
            let row = Int(f.contact)
            return StaleFindingRow(contactID: ids[row], check: f.check, source: names[sources[row]])
        }
    }
}
