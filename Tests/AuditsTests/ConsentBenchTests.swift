import CRMData
import Formatting
import Foundation
import Testing
@testable import Audits

/// The consent audit's own time on a big database: set `CRM_BENCH_DB` (and `CRM_BENCH_AS_OF`,
/// default today UTC) and run in release. Prints; never asserts a time.
@Suite struct ConsentBenchTests {
    static let path = ProcessInfo.processInfo.environment["CRM_BENCH_DB"]

    @Test(.enabled(if: path != nil, "set CRM_BENCH_DB to a database"))
    func auditTime() throws {
        let path = try #require(Self.path)
        let asOfText = ProcessInfo.processInfo.environment["CRM_BENCH_AS_OF"]
        let day = asOfText.flatMap(CivilDate.parse) ?? Int(Date().timeIntervalSince1970 / 86_400)
        let zone = ZoneClock.utc
        var started = Date()
        let snapshot = try SnapshotReader(path: path, asOf: zone.startOfDay(day), zone: zone).read()
        print("read \(snapshot.contacts.count) contacts, \(snapshot.messages?.count ?? 0) messages, "
              + "\(snapshot.consents?.count ?? 0) consents in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        let policy = try GatePolicy.consent(ReportConfig())
        var times: [Double] = []
        var audit: ConsentAudit?
        for _ in 0..<3 {
            started = Date()
            audit = ConsentAudit(snapshot: snapshot, config: ReportConfig(), policy: policy)
            times.append(Date().timeIntervalSince(started))
        }
        let a = try #require(audit)
        started = Date()
        let base = a.addressableBase(at: snapshot.asOf, in: snapshot) { _, _ in true }
        let baseTime = Date().timeIntervalSince(started)
        started = Date()
        let moments = (0...26).map { Instant(ms: snapshot.asOf.ms - Int64($0) * 7 * Instant.msPerDay) }
        _ = a.addressableBase(at: moments, in: snapshot) { _, _ in true }
        print("addressable base at 27 moments in one pass: \(String(format: "%.3f", Date().timeIntervalSince(started))) s")
        print("consent audit: median \(String(format: "%.3f", times.sorted()[1])) s of \(times.map { String(format: "%.3f", $0) }); "
              + "addressable base (all reachable) \(base) in \(String(format: "%.3f", baseTime)) s")
        print("findings: \(a.findings.count); violations \(a.violations), warnings \(a.warnings), info \(a.info)")
        for id in ConsentChecks.descriptions.map(\.identifier) {
            print("  \(id): \(a.counts[id] ?? 0) of \(a.judged[id] ?? 0)")
        }
    }
}
