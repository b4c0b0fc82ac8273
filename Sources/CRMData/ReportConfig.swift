import Foundation
import Formatting
import Mail

/// Every setting of metrics.md and outputs.md, with its default.
/// The YAML file and the command line fill it; the command line wins.
public struct ReportConfig: Sendable, Equatable {
    public enum PeriodKind: String, Sendable, CaseIterable { case week, month }
    public enum Grain: String, Sendable, CaseIterable { case month, week }
    public enum FailOn: String, Sendable, CaseIterable { case violation, warning }

    // Run
    public var db: String?
    /// The PostgreSQL schema holding the contract tables (a SQLite file has none).
    public var schema: String = "public"
    public var out: String = "output"
    public var asOf: String?            // YYYY-MM-DD; nil = today in `timezone`
    public var period: PeriodKind = .week
    public var locale: ReportLocale = .en
    public var currency: String = "RUB"
    public var timezone: String = "UTC"
    public var showPII: Bool = false
    public var failOn: FailOn?
    /// How long to wait for a writer's lock on the database, and to keep retrying a database that
    /// keeps changing, before exit 2. Not in `canonicalText`: it never changes a number.
    public var busyTimeoutSeconds: Int = 30
    /// PostgreSQL: seconds one statement may run on the server (its `statement_timeout`), and so
    /// the longest the client waits for the server to send anything (plus 5 s) before exit 3.
    /// Not in `canonicalText`: it never changes a number.
    public var statementTimeoutSeconds: Int = 300
    /// Where the site is served (`https://reports.example.com/crm/`), so the e-mail edition links
    /// to the pages from a mail client; nil: relative links. Not in `canonicalText`: no number depends on it.
    public var siteURL: String?
    /// The From of email.eml (`email.from`); nil: the site's title at crm-report@ the site_url's
    /// host (crm-report.invalid without one). Not in `canonicalText`, as `siteURL`.
    public var emailFrom: Mailbox?
    /// The To of email.eml (`email.to`); empty: no To in the file (`crm-report send --to` sets it).
    public var emailTo: [Mailbox] = []

    // Funnel
    public var funnelWindowWeeks: Int = 13
    public var funnelMinGroup: Int = 20
    public var funnelStages: [String: [String]] = [:]   // pipeline -> stage order, overrides pipeline_stages

    // Cohorts
    public var cohortGrain: Grain = .month
    public var cohortCount: Int = 12

    // RFM
    public var rfmWindowDays: Int = 365

    // Campaigns
    public var campaignWindowDays: Int = 14
    public var campaignPersistenceDays: Int = 60

    // Stale contacts
    public var staleVerifyDays: Int = 730
    public var staleDefaultRegion: String = "RU"
    public var staleDormantDaysB2C: Int = 60
    public var staleDormantDaysB2B: Int = 120
    public var staleRoleAddresses: [String] = []
    public var staleDisposableDomains: [String] = []
    public var staleSeverity: [String: String] = [:]
    public var staleThresholds: [String: Threshold] = [:]
    /// Checks allowed not to run (their tables absent) without failing `--fail-on`.
    public var staleSkip: [String] = []

    // Consent
    public var consentGraceDays: Int = 0
    public var consentReconfirmDays: Int = 730
    public var consentMinAge: Int = 14
    public var consentErasureDays: Int = 30
    public var consentWaivers: String?
    public var consentSeverity: [String: String] = [:]
    public var consentThresholds: [String: Threshold] = [:]
    /// Checks allowed not to run (their tables absent) without failing `--fail-on`.
    public var consentSkip: [String] = []

    /// `--junit FILE`: the gate's verdict as JUnit XML.
    public var junit: String?

    public init() {}
}

extension ReportConfig {
    /// The site's address as the e-mail's links start with it: an absolute http(s) URL with a host,
    /// no query or fragment, ending in one `/`. nil when it is not one.
    public static func siteURL(_ text: String) -> String? {
        let s = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: s), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil else { return nil }
        return s.hasSuffix("/") ? s : s + "/"
    }

    public static func siteURLProblem(_ text: String) -> String {
        "expected the site's address, such as https://reports.example.com/crm/ (http or https, no query), got '\(text)'"
    }
}

extension ReportConfig {
    /// A mailbox of the `email.*` keys: `address` or `Name <address>`, an ASCII address with one `@`.
    public static func mailbox(_ text: String) -> Mailbox? {
        guard let m = Mailbox(parsing: text), m.address.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
              m.address.split(separator: "@", omittingEmptySubsequences: false).count == 2,
              !m.address.hasPrefix("@"), !m.address.hasSuffix("@") else { return nil }
        return m
    }
}
