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
/// Processor time of the whole process (all threads): on a machine shared with other work,
/// wall time overstates what the audit costs on an idle one.
func cpuSeconds() -> Double { Double(clock()) / Double(CLOCKS_PER_SEC) }

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
var totals: [Double] = [], cpuTotals: [Double] = []
for run in 1...runs {
    let start = DispatchTime.now(), cpuStart = cpuSeconds()
    let auditor = StaleAuditor(snapshot: snapshot, config: ReportConfig())
    let validated = seconds(start), validatedCPU = cpuSeconds() - cpuStart
    let audit = auditor.audit(previousAsOf: previousAsOf, period: period, previousPeriod: previousPeriod)
    let audited = seconds(start)
    let shares = [snapshot.asOf, period.upperBound, zone.startOfDay(weekEnd - 7 * 52)].map(auditor.staleShare(at:))
    let total = seconds(start)
    totals.append(total)
    cpuTotals.append(cpuSeconds() - cpuStart)
    print(String(format: "run %d: validation %.2f s (%.2f s processor), audit %.2f s, stale shares %.2f s, total %.2f s; %d findings, base %d, stale share %.4f",
                 run, validated, validatedCPU, audited - validated, total - audited, total, audit.findings.count, audit.base, shares[0].share ?? 0))
}
print(String(format: "median total: %.2f s wall, %.2f s processor time (all threads)",
             totals.sorted()[totals.count / 2], cpuTotals.sorted()[cpuTotals.count / 2]))

// The validators alone, on one core, over the distinct values (to see where the time goes).
if ProcessInfo.processInfo.environment["STALE_BENCH_DETAIL"] != nil {
    let emails = Array(Set(snapshot.contacts.email.compactMap { $0 }))
    let phones = Array(Set(snapshot.contacts.phone.compactMap { $0 }))
    var start = DispatchTime.now()
    var cpu = cpuSeconds()
    let validEmails = emails.filter { EmailValidator.check($0).isValid }.count
    print(String(format: "%d distinct e-mails (%d valid): %.2f s on one core (%.2f s processor)", emails.count, validEmails,
                 seconds(start), cpuSeconds() - cpu))
    start = DispatchTime.now()
    cpu = cpuSeconds()
    let raw = phones.map { PhoneValidator.check($0, region: "RU") }
    print(String(format: "%d distinct phones (%d valid): %.2f s on one core (%.2f s processor)", phones.count,
                 raw.filter(\.isValid).count, seconds(start), cpuSeconds() - cpu))
    start = DispatchTime.now()
    let canonical = phones.map { PhoneValidator.check(PhoneValidator.canonicalForm($0), region: "RU") }
    print(String(format: "the same in canonical form: %.2f s on one core; %d verdicts differ", seconds(start),
                 zip(raw, canonical).filter { $0 != $1 }.count))
    start = DispatchTime.now()
    _ = ValidationSettings(config: ReportConfig())
    print(String(format: "settings (disposable list): %.3f s", seconds(start)))
}
