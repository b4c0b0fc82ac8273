import CRMData
import Dispatch
import Foundation
import Formatting
import Audits

// Times the stale-contact audit on a real database, apart from reading it:
//   stale-bench <db.sqlite> [as-of YYYY-MM-DD] [runs]
// Prints the read time once, then per run the validation time, the audit (A and its trend)
// and the three stale shares, and the median of the whole audit over the runs.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: stale-bench <db.sqlite> [as-of YYYY-MM-DD] [runs]\n".utf8))
    exit(2)
}
let zone = ZoneClock.utc
let asOfDay = arguments.count > 2 ? CivilDate.parse(arguments[2]) : zone.day(of: Instant(ms: Int64(Date().timeIntervalSince1970 * 1000)))
let runs = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 3) : 3
guard let asOfDay else {
    FileHandle.standardError.write(Data("stale-bench: bad as-of day\n".utf8))
    exit(2)
}

func seconds(_ since: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - since.uptimeNanoseconds) / 1e9 }

let readStart = DispatchTime.now()
let snapshot: Snapshot
do {
    snapshot = try SnapshotReader(path: arguments[1], asOf: zone.startOfDay(asOfDay), zone: zone).read()
} catch {
    FileHandle.standardError.write(Data("stale-bench: \(error)\n".utf8))
    exit(2)
}
print("read \(snapshot.contacts.count) contacts in \(String(format: "%.2f", seconds(readStart))) s")

let weekEnd = CivilDate.startOfWeek(days: asOfDay)
let period = zone.startOfDay(weekEnd - 7)..<zone.startOfDay(weekEnd)
let previousPeriod = zone.startOfDay(weekEnd - 14)..<zone.startOfDay(weekEnd - 7)
let previousAsOf = StaleAuditor.previousAsOf(snapshot.asOf, period: .week, zone: zone)
var totals: [Double] = []
for run in 1...runs {
    let start = DispatchTime.now()
    let auditor = StaleAuditor(snapshot: snapshot, config: ReportConfig())
    let validated = seconds(start)
    let audit = auditor.audit(previousAsOf: previousAsOf, period: period, previousPeriod: previousPeriod)
    let audited = seconds(start)
    let shares = [snapshot.asOf, period.upperBound, zone.startOfDay(weekEnd - 7 * 52)].map(auditor.staleShare(at:))
    let total = seconds(start)
    totals.append(total)
    print(String(format: "run %d: validation %.2f s, audit %.2f s, stale shares %.2f s, total %.2f s; %d findings, base %d, stale share %.4f",
                 run, validated, audited - validated, total - audited, total, audit.findings.count, audit.base, shares[0].share ?? 0))
}
print(String(format: "median total: %.2f s", totals.sorted()[totals.count / 2]))
