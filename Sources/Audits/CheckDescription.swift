/// Words in the two page languages.
public struct Bilingual: Sendable, Equatable {
    public let en: String
    public let ru: String
    public init(en: String, ru: String) {
        self.en = en
        self.ru = ru
    }
}

/// What a check is, for the page's "what this check means", the CSV and the tests:
/// one value per check, kept beside the check's code.
public struct CheckDescription: Sendable {
    /// Stable machine id, e.g. "invalid_email" (report.json, CSV, config keys).
    public let identifier: String
    /// A short name for tables and headings.
    public let name: Bilingual
    /// The default severity (config may override it).
    public let severity: Severity
    /// The legal or practical basis, e.g. "38-FZ art. 18 part 1; GDPR Art. 7(3)".
    public let basis: String
    /// One paragraph: what the check finds and why it matters.
    public let summary: Bilingual
    /// One line: what to do about a finding (re-confirm, remove, merge, reactivate, ...).
    public let action: Bilingual
    /// Tiny databases on which the check must find something, and on which it must find nothing.
    public let failing: [Example]
    public let passing: [Example]

    public init(identifier: String, name: Bilingual, severity: Severity, basis: String, summary: Bilingual,
                action: Bilingual, failing: [Example], passing: [Example]) {
        self.identifier = identifier
        self.name = name
        self.severity = severity
        self.basis = basis
        self.summary = summary
        self.action = action
        self.failing = failing
        self.passing = passing
    }
}

/// A tiny example database: rows by table, each row its columns by contract name (text as the CRM
/// would store it; nil is NULL), and the as-of day. `findings` is how many findings of the check
/// the example must give (0 for a passing example).
public struct Example: Sendable {
    public let asOf: String
    public let rows: [String: [[String: String?]]]
    public let findings: Int
    /// Settings the example needs, as config keys and YAML values (e.g. "consent.grace_days": "1").
    public let config: [String: String]

    public init(asOf: String = "2026-11-23", findings: Int = 1, config: [String: String] = [:],
                _ rows: [String: [[String: String?]]]) {
        self.asOf = asOf
        self.rows = rows
        self.findings = findings
        self.config = config
    }
}
