import Audits
import CRMData
import Reports

/// Every result of one run, computed once from the snapshot: what each renderer (the pages,
/// report.json, the findings CSV, later the PDF and the e-mail edition) receives, instead of
/// the snapshot. Renderers only format what is here; they never compute a figure.
public struct ComputedReport: Sendable {
    public let period: ReportPeriod
    public let asOf: Instant
    public let zone: ZoneClock
    public let summary: SummaryReport
    public let funnel: FunnelReport
    public let cohorts: CohortReport
    public let rfm: RFMReport
    public let campaigns: CampaignReport
    public let dataQuality: DataQualityReport
    public let audits: AuditResults

    /// The local day of the as-of moment.
    public var asOfDay: Int { zone.day(of: asOf) }

    /// Every reason a section or figure is left out, for report.json `notes`: the reader's, then the sections'.
    public var notes: [(section: String?, reason: Reason)] {
        var list: [(String?, Reason)] = dataQuality.notes.map { (nil, $0) }
        if let r = funnel.unavailable { list.append(("funnel", r)) }
        if !cohorts.hasCosts { list.append(("cohorts", .tableAbsent("acquisition_costs"))) }
        if let r = campaigns.unavailable { list.append(("campaigns", r)) }
        for n in audits.stale?.audit.notes ?? [] {
            list.append(("stale_contacts", .checkWithout(check: n.check, tables: n.absentTables, ran: n.effect == .partial)))
        }
        return list
    }
}

/// The audits' results (nil only where a caller left an audit out; a run computes both, the
/// consent audit with its checks whose tables are absent listed as not run), the settings in
/// force and the gate's verdict.
public struct AuditResults: Sendable {
    public var stale: StaleAuditResult?
    public var consent: ConsentAuditResult?
    /// The settings in force (nil where a caller left them out).
    public var settings: AuditSettings?
    public init(stale: StaleAuditResult? = nil, consent: ConsentAuditResult? = nil, settings: AuditSettings? = nil) {
        self.stale = stale
        self.consent = consent
        self.settings = settings
    }

    /// Whether `--fail-on` makes the run exit 1, and why: open findings at or above it, beyond
    /// their thresholds, and checks that could not run and are not skipped, in either audit.
    public func gate(failOn: Severity) -> GateOutcome {
        Gate.evaluate(tallies.flatMap(\.tallies), failOn: failOn)
    }

    /// Each audit's checks for the gate: stale_contacts, then consent.
    public var tallies: [(audit: String, tallies: [CheckTally])] {
        [("stale_contacts", stale?.tallies ?? []), ("consent", consent?.audit.tallies ?? [])]
    }

    /// The gate's verdict at the run's `--fail-on` (not gated without one).
    public var verdict: GateVerdict { GateVerdict(failOn: settings?.failOn, audits: tallies) }
}

extension ReportConfig.FailOn {
    /// The least severity that fails a run.
    public var severity: Severity { self == .violation ? .violation : .warning }
}
