import CRMData
import Reports

/// The compute step: the snapshot in, one `ComputedReport` out, its parts built concurrently
/// (they are independent pure functions of the snapshot).
public enum ReportComputation {
    public static func compute(_ s: Snapshot, config: ReportConfig, period: ReportPeriod) async -> ComputedReport {
        // The stale audit is the longest part (it validates every distinct phone): started first.
        async let stale = StaleAuditResult.compute(s, config: config, period: period)
        async let summary = SummaryReport.compute(s, period: period)
        async let funnel = FunnelReport.compute(s, config: config, period: period)
        async let cohorts = CohortReport.compute(s, config: config)
        async let rfm = RFMReport.compute(s, config: config, period: period)
        async let campaigns = CampaignReport.compute(s, config: config, period: period)
        let dataQuality = DataQualityReport(s)
        let audits = AuditResults(stale: await stale)
        var filled = await summary
        if let st = audits.stale {
            filled = filled.replacing(.staleShare, with: SummaryReport.threePoints(current: st.share.current.share, previous: st.share.previous.share,
                                                                      yearAgo: st.share.yearAgo.share, yearShift: period.kind == .week ? 52 : 12))
        }
        return await ComputedReport(period: period, asOf: s.asOf, zone: s.zone, summary: filled, funnel: funnel,
                                    cohorts: cohorts, rfm: rfm, campaigns: campaigns, dataQuality: dataQuality,
                                    audits: audits)
    }
}
