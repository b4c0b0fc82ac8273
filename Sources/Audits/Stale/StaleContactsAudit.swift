import CRMData

/// The stale-contact audit's result for one run, as every renderer reads it. Its Codable form is
/// exactly report.json's `stale_contacts` (outputs.md): `base`, `previous_base`, `waived`,
/// `expired_waiver` and `checks` by id, each `{count, share, previous_count, by_source, waived,
/// expired_waiver}` (counts of open findings, the waived apart) or `null` when the check was not
/// run. The findings (for the page's list and `findings/stale-contacts.csv`), their waivers and
/// the notes (for report.json's `notes` and the page) are not part of that object and are not encoded.
public struct StaleContactsAudit: Sendable, Codable, Equatable {
    /// Non-deleted contacts at A, and at A minus one period.
    public var base: Int
    public var previousBase: Int
    /// Every check of `StaleChecks.all` by id; nil: not run (see `notes`).
    public var checks: [String: StaleCheckResult?]
    /// Why a check was not run, or ran on part of its evidence.
    public var notes: [StaleAuditNote]
    /// Every finding at A, waived ones included, sorted by contact id, then check id.
    public var findings: [Finding]
    /// The waiver file set against `findings` (by index): which are waived, which name an expired waiver.
    public var waivers: WaiverMatch

    public init(base: Int, previousBase: Int, checks: [String: StaleCheckResult?], notes: [StaleAuditNote] = [],
                findings: [Finding] = [], waivers: WaiverMatch? = nil) {
        self.base = base
        self.previousBase = previousBase
        self.checks = checks
        self.notes = notes
        self.findings = findings
        self.waivers = waivers ?? .unwaived(count: findings.count)
    }

    /// Findings covered by an active waiver, over every check.
    public var waived: Int { checks.values.reduce(0) { $0 + ($1?.waived ?? 0) } }
    /// Open findings whose waiver has expired, over every check.
    public var expiredWaiver: Int { checks.values.reduce(0) { $0 + ($1?.expiredWaiver ?? 0) } }

    enum CodingKeys: String, CodingKey {
        case base, previousBase = "previous_base", checks, waived, expiredWaiver = "expired_waiver"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        base = try c.decode(Int.self, forKey: .base)
        previousBase = try c.decode(Int.self, forKey: .previousBase)
        checks = try c.decode([String: StaleCheckResult?].self, forKey: .checks)
        notes = []
        findings = []
        waivers = .unwaived(count: 0)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(base, forKey: .base)
        try c.encode(previousBase, forKey: .previousBase)
        try c.encode(checks, forKey: .checks)
        try c.encode(waived, forKey: .waived)
        try c.encode(expiredWaiver, forKey: .expiredWaiver)
    }
}

/// One check's numbers in the audit.
public struct StaleCheckResult: Sendable, Codable, Equatable {
    /// Contacts with an open finding of the check at A (not covered by an active waiver).
    public var count: Int
    /// count / base; nil when the base is empty.
    public var share: Double?
    /// The same check at A minus one period.
    public var previousCount: Int
    /// `count` by `contacts.source`, every source of the base present (zero when none);
    /// a NULL source is "(none)".
    public var bySource: [String: Int]
    /// Findings covered by an active waiver (not in `count`).
    public var waived: Int
    /// Open findings whose waiver has expired (in `count`).
    public var expiredWaiver: Int

    /// The `by_source` key of contacts without a source (metrics.md: a NULL breakdown value).
    public static let noSource = "(none)"

    public init(count: Int, share: Double?, previousCount: Int, bySource: [String: Int], waived: Int = 0, expiredWaiver: Int = 0) {
        self.count = count
        self.share = share
        self.previousCount = previousCount
        self.bySource = bySource
        self.waived = waived
        self.expiredWaiver = expiredWaiver
    }

    enum CodingKeys: String, CodingKey {
        case count, share, previousCount = "previous_count", bySource = "by_source", waived, expiredWaiver = "expired_waiver"
    }

    /// Reads schema 1 too (the archive reads earlier periods): the waiver counts were added in schema 2.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        count = try c.decode(Int.self, forKey: .count)
        share = try c.decodeIfPresent(Double.self, forKey: .share)
        previousCount = try c.decode(Int.self, forKey: .previousCount)
        bySource = try c.decode([String: Int].self, forKey: .bySource)
        waived = try c.decodeIfPresent(Int.self, forKey: .waived) ?? 0
        expiredWaiver = try c.decodeIfPresent(Int.self, forKey: .expiredWaiver) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(count, forKey: .count)
        try c.encode(share, forKey: .share)   // null, not absent, for an empty base
        try c.encode(previousCount, forKey: .previousCount)
        try c.encode(bySource, forKey: .bySource)
        try c.encode(waived, forKey: .waived)
        try c.encode(expiredWaiver, forKey: .expiredWaiver)
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
    /// The active waiver covering the finding (its key is the `waived_by` column), or nil.
    public let waiver: Waiver?
}

extension StaleContactsAudit {
    /// The findings as CSV rows, resolved against the snapshot the audit was computed from.
    public func csvRows(in snapshot: Snapshot) -> [StaleFindingRow] {
        let ids = snapshot.contacts.id, sources = snapshot.contacts.source, names = snapshot.vocabulary.sources
        return findings.indices.map { i in
            let f = findings[i], row = Int(f.contact)
            return StaleFindingRow(contactID: ids[row], check: f.check, source: names[sources[row]], waiver: waivers.waiver(i))
        }
    }
}
