import ArgumentParser
import Audits
import CRMData
import Formatting
import Foundation
import Reports
import Results
import Site

/// `crm-report audit contacts|consent`: one audit alone, to standard output, for CI and for a
/// data steward's shell. Writes no file.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the stale-contact or the consent audit alone and print it; writes nothing.",
        discussion: """
        text is a readable table; json the run's provenance, the audit's section of report.json and every finding \
        (with its evidence and waiver); csv its findings file. \
        Exit 1 when an unwaived finding at or above --fail-on exists beyond its threshold, or a check at or \
        above it could not run (its tables absent) and the config does not skip it (severities, thresholds, \
        skips and waivers from the config); 2 for bad input.
        """)

    enum Which: String, ExpressibleByArgument, CaseIterable { case contacts, consent }
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Argument(help: "Which audit: contacts (stale contacts) or consent.")
    var which: Which

    @OptionGroup var read: ReadOptions

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when an unwaived finding of this severity or worse exists.")
    var failOn: ReportConfig.FailOn?

    @Option(help: ArgumentHelp("Write the gate's verdict as JUnit XML: one testsuite for the audit, one testcase per check.", valueName: "file"))
    var junit: String?

    @Flag(name: .customLong("show-pii"), help: "Show personal data unmasked (text format lists no personal data).")
    var showPII = false

    func run() async throws {
        let config = try read.resolve { c in
            if let failOn { c.failOn = failOn }
            if showPII { c.showPII = true }
            if let junit { c.junit = junit }
        }
        try GateExit.checkJUnitPath(config.junit)
        let resolved = try ResolvedRun(config)
        let gating = try AuditGating(config)
        let s = try resolved.reader(config, since: Date(), progress: Terminal.progress).read()
        let period = ReportPeriod.latest(config.period, asOfDay: resolved.asOfDay)
        let format = NumberFormat(locale: .en, currency: config.currency)
        let tallies: [CheckTally]
        /// The JSON format opens with the run's provenance, the database hashed only then.
        func provenance() throws -> ProvenanceDoc {
            try ProvenanceDoc(try Provenance(config: config, asOfDay: resolved.asOfDay,
                                         databaseSHA256: try Provenance.databaseIdentity(path: resolved.dbPath, snapshot: s)), config: config)
        }
        func write(_ data: Data) { FileHandle.standardOutput.write(data) }
        switch which {
        case .contacts:
            let r = gating.stale(s, config: config, period: period)
            tallies = r.tallies
            switch self.format {
            case .json: write(try AuditExport.stale(r, provenance: try provenance()))
            case .csv: print(FindingsCSV.staleContacts(r).text, terminator: "")
            case .text: print(AuditText.terminal(AuditText.stale(r, format: format, db: resolved.dbPath, asOf: CivilDate.iso(resolved.asOfDay))))
            }
        case .consent:
            // A missing table is not bad input (both are optional): as in `generate`, the checks that
            // can run do, the others are listed as not run, and --fail-on fails on them.
            let r = gating.consent(s, config: config)
            tallies = r.audit.tallies
            switch self.format {
            case .json: write(try AuditExport.consent(r, zone: s.zone, showPII: config.showPII, provenance: try provenance()))
            case .csv: print(FindingsCSV.consent(r, zone: s.zone).text, terminator: "")
            case .text: print(AuditText.terminal(AuditText.consent(r, format: format, db: resolved.dbPath, asOf: CivilDate.iso(resolved.asOfDay))))
            }
        }
        let audit = which == .contacts ? "stale_contacts" : "consent"
        try GateExit.finish(GateVerdict(failOn: gating.settings.failOn, audits: [(audit, tallies)]), junit: config.junit)
    }
}

/// The text format of `crm-report audit`: aligned columns a person reads in a terminal.
enum AuditText {
    /// What reaches the terminal: without bidi controls, which could make a source name or an
    /// id beside it read backwards there (the CSV format drops them in `CSVText`).
    static func terminal(_ text: String) -> String { BidiText.stripped(text) }

    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int>) -> String {
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - c.count)
                return rightAligned.contains(i) ? pad + c : c + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }

    static func stale(_ r: StaleAuditResult, format f: NumberFormat, db: String, asOf: String) -> String {
        let a = r.audit
        let rows: [[String]] = StaleChecks.all.map { c in
            let id = c.identifier
            guard let x = a.checks[id] ?? nil else { return [id, r.severity[id]?.rawValue ?? "", "not run", "", "", "", ""] }
            return [id, r.severity[id]?.rawValue ?? "", f.count(Double(x.count)), x.share.map { f.percent($0) } ?? "-", f.count(Double(x.previousCount)),
                    f.count(Double(x.waived)), f.count(Double(x.expiredWaiver))]
        }
        var out = "Stale-contact audit of \(db) as of \(asOf): \(f.count(Double(a.base))) contacts (\(f.count(Double(a.previousBase)))"
            + " one period earlier), \(f.count(Double(r.contacts.count))) with at least one open finding; \(f.count(Double(a.waived))) findings waived\n\n"
        out += table(["check", "severity", "contacts", "share", "previous", "waived", "expired waiver"], rows, rightAligned: [2, 3, 4, 5, 6])
        out += notRun(r.tallies) + waivers(r.waivers)
        let worst = r.sources.prefix(5).map { "\($0.source) \($0.share.map { f.percent($0) } ?? "-")" }
        if !worst.isEmpty { out += "\n\nWorst sources (share of their contacts with an open finding): " + worst.joined(separator: ", ") }
        return out + "\nEvery finding: crm-report audit contacts --format csv"
    }

    static func consent(_ r: ConsentAuditResult, format f: NumberFormat, db: String, asOf: String) -> String {
        let a = r.audit
        let rows: [[String]] = ConsentChecks.descriptions.map { d in
            let id = d.identifier
            guard a.ran(id) else { return [id, a.policy.severity(of: id).rawValue, "not run", "", "", "", d.basis] }
            return [id, a.policy.severity(of: id).rawValue, f.count(Double(a.counts[id] ?? 0)), f.count(Double(a.waivedCounts[id] ?? 0)),
                    f.count(Double(a.expiredWaiverCounts[id] ?? 0)), f.count(Double(a.judged[id] ?? 0)), d.basis]
        }
        var out = "Consent audit of \(db) as of \(asOf): \(f.count(Double(a.violations))) violations, \(f.count(Double(a.warnings))) warnings, "
            + "\(f.count(Double(a.info))) info open; \(f.count(Double(a.waived))) waived\n\n"
        out += table(["check", "severity", "open", "waived", "expired waiver", "judged", "basis"], rows, rightAligned: [2, 3, 4, 5])
        out += notRun(a.tallies) + waivers(a.waivers)
        return out + "\nEvery finding with its deciding event: crm-report audit consent --format csv"
    }

    /// The checks that could not run, each with its reason.
    static func notRun(_ tallies: [CheckTally]) -> String {
        let lines = tallies.filter { !$0.ran }.map { "\($0.check): \($0.notRunReason ?? "")\($0.skipped ? " (skipped by config)" : "")" }
        return lines.isEmpty ? "" : "\n\nNot run: " + lines.joined(separator: "; ")
    }

    /// The waivers that expired and those that match nothing.
    static func waivers(_ m: WaiverMatch) -> String {
        var out = ""
        if !m.expired.isEmpty { out += "\n\nExpired waivers (their findings count again): \(m.expired.map(\.key.description).joined(separator: ", "))" }
        if !m.unmatched.isEmpty { out += "\n\nWaivers matching no finding: \(m.unmatched.map(\.key.description).joined(separator: ", "))" }
        return out
    }
}
