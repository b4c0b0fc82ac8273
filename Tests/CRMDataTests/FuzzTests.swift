import CRMData
import Formatting
import Foundation
import Testing
import TestSupport

/// Issue 13: a seeded random corpus of 10,000 inputs each for the two parsers of user text, the
/// timestamp parser and the YAML config. No input may crash them; every result is a value or a
/// clear error. The seed is fixed, so a failure reproduces; the corpus takes well under 2 s.
@Suite("Fuzz")
struct FuzzTests {
    /// SplitMix64 (TestSupport): small, fast, and the same sequence on every platform.
    typealias Random = SplitMix64

    static let count = 10_000

    // MARK: Timestamps

    /// A timestamp-like byte string: mostly well-formed with fields sometimes out of range, then mutated.
    static func timestamp(_ r: inout Random) -> [UInt8] {
        func two(_ max: Int) -> String { String(format: "%02d", r.int(max)) }
        if r.chance(0.1) { return (0..<r.int(40)).map { _ in UInt8(truncatingIfNeeded: r.next()) } }
        var s = String(format: "%04d", r.chance(0.9) ? 1 + r.int(9999) : r.int(3)) + "-" + two(14) + "-" + two(33)
        if r.chance(0.7) {
            s += r.pick([" ", "T", "t", "_"]) + two(26) + ":" + two(62)
            if r.chance(0.6) {
                s += ":" + two(62)
                if r.chance(0.4) { s += "." + String(repeating: "7", count: r.int(12)) }
            }
        }
        if r.chance(0.5) { s += r.pick(["Z", "z", "+", "-"]) + (r.chance(0.8) ? two(20) + ":" + two(64) : two(99)) }
        var b = Array(s.utf8)
        let alphabet = Array("0123456789-:T Z+.z\u{0}\t\n".utf8) + [0xFF, 0xD0, 0x80]
        for _ in 0..<(r.chance(0.5) ? r.int(3) : 0) {
            switch r.int(3) {
            case 0 where !b.isEmpty: b[r.int(b.count)] = r.pick(alphabet)
            case 1: b.insert(r.pick(alphabet), at: r.int(b.count + 1))
            default: if !b.isEmpty { b.remove(at: r.int(b.count)) }
            }
        }
        return b
    }

    /// An independent oracle: the contract's grammar as a regular expression, the fields checked
    /// with CivilDate, the instant computed from them.
    static let grammar = try! NSRegularExpression(pattern:
        "^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]+))?)?)?(?:(Z)|([+-])([0-9]{2}):([0-9]{2}))?\\z")

    static func expected(_ bytes: [UInt8]) -> Instant? {
        guard bytes.allSatisfy({ $0 < 0x80 }), let text = String(bytes: bytes, encoding: .ascii) else { return nil }
        let ns = text as NSString
        guard let m = grammar.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        func field(_ i: Int) -> String? { m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i)) }
        func int(_ i: Int) -> Int { field(i).flatMap { Int($0) } ?? 0 }
        let (y, mo, d, h, mi, s) = (int(1), int(2), int(3), int(4), int(5), int(6))
        guard y >= 1, (1...12).contains(mo), d >= 1, d <= CivilDate.daysInMonth(year: y, month: mo), h < 24, mi < 60, s < 60 else { return nil }
        let msOfFraction = field(7).map { Int(($0 + "00").prefix(3)) ?? 0 } ?? 0
        var ms = Int64(CivilDate.days(year: y, month: mo, day: d)) * 86_400_000 + Int64(((h * 60 + mi) * 60 + s) * 1000 + msOfFraction)
        if let sign = field(9) {
            let (oh, om) = (int(10), int(11))
            guard om < 60, oh * 60 + om <= 14 * 60 else { return nil }
            ms -= Int64(sign == "+" ? 1 : -1) * Int64((oh * 60 + om) * 60_000)
        }
        return Instant(ms: ms)
    }

    @Test("10,000 seeded timestamp inputs: each parses to the oracle's instant or is rejected by both")
    func timestamps() throws {
        var r = Random(state: 13)
        let utc = TimestampParser(zone: .utc)
        let moscow = TimestampParser(zone: try #require(ZoneClock(identifier: "Europe/Moscow")))
        var accepted = 0, mismatches: [String] = []
        for _ in 0..<Self.count {
            let input = Self.timestamp(&r)
            let got = input.withUnsafeBufferPointer { utc.parse($0) }
            let inZone = input.withUnsafeBufferPointer { moscow.parse($0) }
            let want = Self.expected(input)
            if got != want || (inZone == nil) != (want == nil) { mismatches.append(String(decoding: input, as: UTF8.self).debugDescription) }
            if got != nil { accepted += 1 }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, e.g. \(mismatches.prefix(5))")
        #expect(accepted > 1000 && accepted < 9000, "the corpus should exercise both outcomes: \(accepted) accepted")
    }

    // MARK: YAML config

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var ok = 0, problems: [String] = []
        func add(_ n: Int, _ p: [String]) { lock.lock(); ok += n; problems += p; lock.unlock() }
        var value: (Int, [String]) { lock.lock(); defer { lock.unlock() }; return (ok, problems) }
    }

    /// Blocks of a valid config (every key, each block one top-level key), to pick, drop and corrupt.
    static let validBlocks = [
        "db: crm.sqlite", "out: output", "as_of: 2026-11-23", "period: week", "locale: ru", "currency: USD", "timezone: Europe/Moscow",
        "show_pii: false", "fail_on: warning", "busy_timeout_seconds: 5",
        "funnel:\n  window_weeks: 13\n  min_group: 20\n  stages:\n    b2b: [lead, meeting, proposal]",
        "cohorts: {grain: week, count: 8}", "rfm:\n  window_days: 365", "campaigns: {window_days: 14, persistence_days: 60}",
        "stale:\n  verify_days: 730\n  default_region: RU\n  dormant_days: {b2c: 60, b2b: 120}\n  role_addresses: [info]",
        "stale:\n  disposable_domains: []\n  severity: {unverified: info}",
        "consent:\n  grace_days: 0\n  reconfirm_days: 730\n  min_age: 14\n  erasure_days: 30",
        "consent:\n  waivers: waivers.yml\n  severity: {}\n  thresholds: {no_consent: 0.5}",
    ]

    static let values = ["0", "-1", "1", "99999999999999999999", "1e400", ".inf", "-.inf", ".nan", "0x1F", "0o17", "1_000", "3.5",
                         "~", "null", "", "yes", "no", "true", "\"\"", "''", "[]", "{}", "[1, 2", "{a: 1}", "[a, a]", "&x 5", "*x",
                         "!!binary aGk=", "!!float 1", "\"\\u0000\"", "\"\\x07\"", "зима", "\"a\\nb\"", "|\n  text", ">-\n  folded",
                         "2026-02-30", "Mars/Olympus", "rub", "RUBX", "- a\n- b", "? complex\n: key", "%TAG", "\t", "#", "@", "`"]

    static func config(_ r: inout Random) -> String {
        if r.chance(0.05) {   // deep nesting and raw noise
            let depth = 1 + r.int(200)
            return r.chance(0.5) ? String(repeating: "[", count: depth) + String(repeating: "]", count: r.int(depth + 1))
                                 : String(decoding: (0..<r.int(200)).map { _ in UInt8(truncatingIfNeeded: r.next()) }, as: UTF8.self)
        }
        var seen = Set<String>()
        var lines = validBlocks.filter { _ in r.chance(0.15) }.filter { seen.insert(String($0.prefix { $0 != ":" })).inserted }
            .joined(separator: "\n").split(separator: "\n").map(String.init)
        for i in lines.indices where r.chance(0.08) {
            if let colon = lines[i].firstIndex(of: ":") { lines[i] = String(lines[i][...colon]) + " " + r.pick(values) }
        }
        if r.chance(0.1), !lines.isEmpty { lines[r.int(lines.count)] = r.pick(["  ", "    ", "\t", ""]) + r.pick(lines) }
        if r.chance(0.1) { lines.append(r.pick(["unknown: 1", "funnel:\n  windw_weeks: 3", "a: &a [*a]", "<<: {period: month}"])) }
        var text = lines.joined(separator: "\n")
        if r.chance(0.15), !text.isEmpty {
            var u = Array(text.utf8)
            for _ in 0..<(1 + r.int(3)) {
                let k = r.int(u.count)
                if r.chance(0.5) { u[k] = UInt8(truncatingIfNeeded: r.next()) } else { u.insert(r.pick(Array(":-[]{}#&*!|>'\"\n ".utf8)), at: k) }
            }
            text = String(decoding: u, as: UTF8.self)
        }
        return text
    }

    @Test("10,000 seeded config files: each gives settings in range or one error line naming the file")
    func configs() {
        var r = Random(state: 2026)
        let docs = (0..<Self.count).map { _ in Self.config(&r) }
        // Yams costs about 0.2 ms a document in a debug build: check in four chunks on the cores there are.
        let chunks = 4
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: chunks) { k in
            var ok = 0, problems: [String] = []
            for yaml in docs[(k * docs.count / chunks)..<((k + 1) * docs.count / chunks)] {
                var c = ReportConfig()
                do {
                    try ConfigFile.apply(yaml: yaml, source: "fuzz.yml", to: &c)
                    ok += 1
                    let inRange = (1...5200).contains(c.funnelWindowWeeks) && (1...120).contains(c.cohortCount)
                        && (0...3600).contains(c.busyTimeoutSeconds) && c.currency.count == 3 && ReportLocale.allCases.contains(c.locale)
                        && TimeZone(identifier: c.timezone) != nil && c.consentThresholds.values.allSatisfy { t in
                            switch t {
                            case .count(let n): return n >= 0
                            case .share(let f): return f >= 0 && f < 1
                            }
                        }
                    if !inRange { problems.append("accepted out of range: \(yaml.debugDescription)") }
                } catch let e as CRMError {
                    if !e.message.hasPrefix("fuzz.yml: ") || e.message.contains("\n") || e.message.count > 400 {
                        problems.append("unclear error \(e.message.debugDescription) for \(yaml.debugDescription)")
                    }
                } catch {
                    problems.append("not a CRMError: \(error) for \(yaml.debugDescription)")
                }
            }
            results.add(ok, problems)
        }
        let (ok, problems) = results.value
        #expect(problems.isEmpty, "\(problems.count) problems, e.g. \(problems.prefix(3))")
        #expect(ok > 500 && ok < 9500, "the corpus should exercise both outcomes: \(ok) accepted")
    }
}
