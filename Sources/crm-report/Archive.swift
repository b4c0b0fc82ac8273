import ArgumentParser
import CRMData
import Formatting
import Foundation
import Site

struct Archive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild output/index.html, the archive of every published period, alone.",
        discussion: """
        Reads each period folder's report.json (a period whose report.json does not parse is listed with a note) \
        and writes the archive: every period newest first with its key figures, and the trends of revenue, orders \
        and win rate across the published periods. Nothing else is written.
        """)

    @Option(help: ArgumentHelp("Output folder holding the published periods. Default: output.", valueName: "folder"))
    var out = "output"

    @Option(help: "Page language. Default: en.")
    var locale: ReportLocale = .en

    @Option(help: ArgumentHelp("Currency (ISO 4217 code) of a period whose report.json names none. Each period is shown in its own report.json's currency.", valueName: "code"))
    var currency: String?

    func run() async throws {
        if let currency, let problem = CurrencyCode.problem(currency) { throw CRMError("--currency: \(problem)") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), isFolder.boolValue else {
            throw CRMError("--out: no such folder '\(out)'")
        }
        // The same checks as generate's before anything is written: a read-only folder is exit 2.
        try Publisher(outputRoot: URL(fileURLWithPath: out)).checkOutputRoot()
        try ArchivePage.rebuild(outputRoot: URL(fileURLWithPath: out), locale: locale, currency: currency, templates: try Templates())
        print("Rebuilt \(URL(fileURLWithPath: out).appendingPathComponent("index.html").path)")
    }
}
