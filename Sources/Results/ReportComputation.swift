import CRMData
import Reports

/// The compute step: the snapshot in, one `ComputedReport` out, its parts built concurrently
/// (they are independent pure functions of the snapshot).
public enum ReportComputation {
    public static func compute(_ s: Snapshot, config: ReportConfig, period: ReportPeriod) async -> ComputedReport {
        async let summary = SummaryReport.compute(s, period: period)
        async let funnel = FunnelReport.compute(s, config: config, period: period)
        async let cohorts = CohortReport.compute(s, config: config)
        async let rfm = RFMReport.compute(s, config: config, period: period)
        async let campaigns = CampaignReport.compute(s, config: config, period: period)
        let dataQuality = DataQualityReport(s)
        return await ComputedReport(period: period, asOf: s.asOf, zone: s.zone, summary: summary, funnel: funnel,
                                    cohorts: cohorts, rfm: rfm, campaigns: campaigns, dataQuality: dataQuality,
                                    audits: AuditResults())
    }
}
