import CRMData
import Foundation
import Formatting
import Reports
import Testing

/// Times the campaign computation on a big database, when one is named:
/// `CRM_BENCH_DB=/tmp/big.sqlite CRM_BENCH_AS_OF=2026-11-22 swift test -c release --filter CampaignReportTiming`.
/// Skipped otherwise (it is a measurement, not a check).
@Suite struct CampaignReportTiming {
    static let db = ProcessInfo.processInfo.environment["CRM_BENCH_DB"]

    @Test(.enabled(if: db != nil)) func computeTime() throws {
        let path = try #require(Self.db)
        let asOf = ProcessInfo.processInfo.environment["CRM_BENCH_AS_OF"] ?? "2026-11-22"
        let zone = try #require(ZoneClock(identifier: "UTC"))
        let day = try #require(CivilDate.parse(asOf))
        let snapshot = try SnapshotReader(path: path, asOf: zone.startOfDay(day), zone: zone).read()
        let clock = ContinuousClock()
        var report: CampaignReport?
        let elapsed = clock.measure {
            report = CampaignReport.compute(snapshot, config: ReportConfig(), period: .latest(.week, asOfDay: day))
        }
        print("campaign report: \(report?.campaigns.count ?? 0) campaigns from \(snapshot.campaignMembers?.count ?? 0) members, "
              + "\(snapshot.orders.count) orders, \(snapshot.messages?.count ?? 0) messages in \(elapsed)")
        #expect(report?.unavailable == nil)
    }
}
