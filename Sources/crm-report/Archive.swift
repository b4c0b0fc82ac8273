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

    @Option(help: ArgumentHelp("Currency of the figures (ISO code). Default: the newest period's.", valueName: "code"))
    var currency: String?

    func run() async throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), isFolder.boolValue else {
            throw CRMError("--out: no such folder '\(out)'")
        }
        try ArchivePage.rebuild(outputRoot: URL(fileURLWithPath: out), locale: locale, currency: currency, templates: try Templates())
        print("Rebuilt \(URL(fileURLWithPath: out).appendingPathComponent("index.html").path)")
    }
}
