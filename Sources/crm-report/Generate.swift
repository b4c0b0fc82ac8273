import ArgumentParser
import CRMData
import Formatting
import Foundation
import Results
import Site

struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publish the report site for the latest complete period.",
        discussion: """
        Writes output/<period>/ (the pages, email.html, report.pdf, charts/, report.json, findings/) into a \
        temporary folder and moves it into place only when everything succeeded, then refreshes output/index.html. \
        The same database, config, as-of date and version give byte-identical files.
        """)

    @OptionGroup var read: ReadOptions

    @Option(help: ArgumentHelp("Output folder. Default: output.", valueName: "folder"))
    var out: String?

    @Option(help: "Report period: the latest complete ISO week or calendar month. Default: week.")
    var period: ReportConfig.PeriodKind?

    @Option(help: "Page language. Default: en.")
    var locale: ReportLocale?

    @Flag(name: .customLong("show-pii"), help: "Show personal data unmasked in the audits' evidence lists (masked by default).")
    var showPII = false

    @Option(name: .customLong("fail-on"), help: "Exit 1 when an unwaived audit finding of this severity or worse exists (the site is still published).")
    var failOn: ReportConfig.FailOn?

    @Option(help: ArgumentHelp("Write the gate's verdict as JUnit XML: one testsuite per audit, one testcase per check.", valueName: "file"))
    var junit: String?

    @Option(name: .customLong("site-url"), help: ArgumentHelp(
        "Where the site is served, so the e-mail edition's links work from a mail client. Default: relative links.",
        valueName: "url"))
    var siteURL: String?

    func run() async throws {
        let config = try read.resolve { c in
            if let out { c.out = out }
            if let period { c.period = period }
            if let locale { c.locale = locale }
            if showPII { c.showPII = true }
            if let failOn { c.failOn = failOn }
            if let junit { c.junit = junit }
            if let siteURL {
                guard let url = ReportConfig.siteURL(siteURL) else { throw CRMError("--site-url: \(ReportConfig.siteURLProblem(siteURL))") }
                c.siteURL = url
            }
        }
        try GateExit.checkJUnitPath(config.junit)
        let templates = try Templates()
        let run = ReportRun(config: config, templates: templates, log: Terminal.progress)
        let outcome = try await run.generate()
        print("Published \(outcome.label): open \(outcome.periodFolder.appendingPathComponent("index.html").path)")
        if outcome.badRows > 0 {
            print("\(outcome.badRows) bad row findings left out: see \(outcome.label)/data-quality.html")
        }
        try GateExit.finish(outcome.results.audits.verdict, junit: config.junit)
    }
}

/// Progress goes to standard error, and only when it is a terminal: CI logs stay quiet.
enum Terminal {
    static let isInteractive = isatty(2) != 0

    static let progress: @Sendable (String) -> Void = { line in
        if isInteractive { FileHandle.standardError.write(Data("crm-report: \(line)\n".utf8)) }
    }
}
