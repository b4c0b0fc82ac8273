import Audits
import CRMData
import Reports

/// The compute step: the snapshot in, one `ComputedReport` out, its parts built concurrently
/// (they are independent pure functions of the snapshot).
public enum ReportComputation {
    /// Throws only for a bad audit setting or waiver file (`CRMError`, naming it).
    /// - Parameter early: the contacts' validation started while the database was read, if any.
    public static func compute(_ s: Snapshot, config: ReportConfig, period: ReportPeriod,
                               early: EarlyValidation? = nil) async throws -> ComputedReport {
        let gating = try AuditGating(config)
        // The stale audit is the longest part (it validates every distinct phone): started first.
        async let stale = gating.stale(s, config: config, period: period, early: early)
        async let consent = gating.consent(s, config: config)
        async let summary = SummaryReport.compute(s, period: period)
        async let funnel = FunnelReport.compute(s, config: config, period: period)
        async let cohorts = CohortReport.compute(s, config: config)
        async let rfm = RFMReport.compute(s, config: config, period: period)
        async let campaigns = CampaignReport.compute(s, config: config, period: period)
        let dataQuality = DataQualityReport(s)
        let audits = AuditResults(stale: await stale, consent: await consent, settings: gating.settings)
        let filled = audits.summaryFigures(await summary, snapshot: s)
        return await ComputedReport(period: period, asOf: s.asOf, zone: s.zone, summary: filled, funnel: funnel,
                                    cohorts: cohorts, rfm: rfm, campaigns: campaigns, dataQuality: dataQuality,
                                    audits: audits)
    }
}

/// The audits' gating settings and the waiver file, read once (a typo or a malformed waiver
/// file is bad input before any work), and each audit run with its share of the waivers:
/// for `generate` (both, with the reports) and for `crm-report audit` (one alone).
public struct AuditGating: Sendable {
    let stalePolicy: GatePolicy
    let consentPolicy: GatePolicy
    let staleWaivers: [Waiver]
    let consentWaivers: [Waiver]
    /// The settings in force, for the pages and report.json.
    public let settings: AuditSettings

    /// Throws for a check id the tool does not know anywhere in the config or the waiver file.
    public init(_ config: ReportConfig) throws {
        let stalePolicy = try StaleAuditResult.policy(config), consentPolicy = try GatePolicy.consent(config)
        self.stalePolicy = stalePolicy
        self.consentPolicy = consentPolicy
        let waivers = try config.consentWaivers.map { try WaiverFile.load(path: $0) } ?? []
        var subjects = ConsentChecks.subjects
        for c in StaleChecks.all { subjects[c.identifier] = .contact }
        try WaiverFile.checkKeys(waivers, subjects: subjects, source: config.consentWaivers ?? "waivers")
        consentWaivers = waivers.filter { consentPolicy.knows($0.key.check) }
        staleWaivers = waivers.filter { stalePolicy.knows($0.key.check) }
        settings = AuditSettings(config: config, consent: consentPolicy, stale: stalePolicy)
    }

    public func stale(_ s: Snapshot, config: ReportConfig, period: ReportPeriod, early: EarlyValidation? = nil) -> StaleAuditResult {
        StaleAuditResult.compute(s, config: config, period: period, policy: stalePolicy, waivers: staleWaivers, early: early)
    }

    /// The checks whose tables exist run; the others are listed as not run.
    public func consent(_ s: Snapshot, config: ReportConfig) -> ConsentAuditResult {
        ConsentAuditResult(ConsentAudit(snapshot: s, config: config, policy: consentPolicy, waivers: consentWaivers), snapshot: s)
    }
}
