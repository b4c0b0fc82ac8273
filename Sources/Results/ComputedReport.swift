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

/// The audits' results; an audit that did not run is nil (the consent audit without
/// `consents` or `messages`).
public struct AuditResults: Sendable {
    public var stale: StaleAuditResult?
    public var consent: ConsentAuditResult?
    public init(stale: StaleAuditResult? = nil, consent: ConsentAuditResult? = nil) {
        self.stale = stale
        self.consent = consent
    }

    /// Whether `--fail-on` makes the run exit 1, and why: unwaived findings at or above it,
    /// beyond their thresholds, in either audit.
    public func gate(failOn: Severity) -> GateOutcome {
        let stale = Gate.evaluate(self.stale?.tallies ?? [], failOn: failOn)
        return consent.map { stale.merging($0.audit.gate(failOn: failOn)) } ?? stale
    }
}

extension ReportConfig.FailOn {
    /// The least severity that fails a run.
    public var severity: Severity { self == .violation ? .violation : .warning }
}
