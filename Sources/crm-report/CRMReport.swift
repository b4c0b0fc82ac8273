import ArgumentParser
import CRMData
import Formatting
import Foundation
import Site

/// The `crm-report` command: parses and validates options, then hands over to the libraries.
/// Exit codes (outputs.md): 0 done, 1 findings at or above --fail-on, 2 bad input, 3 internal failure.
@main
struct CRMReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm-report",
        abstract: "Read a CRM database and publish a static HTML report site.",
        discussion: """
        Reads the CRM database (SQLite, read-only, one snapshot) described by `crm-report schema` \
        and publishes the weekly executive summary and its data-quality page into a folder per period.

        Exit codes: 0 done; 1 findings at or above --fail-on exist; 2 bad input (no such database, \
        not SQLite, a required table or column missing, a bad config or option); 3 internal failure.
        """,
        version: Provenance.version,
        subcommands: [Generate.self, Audit.self, Contact.self, Suppression.self, Check.self, Archive.self, Demo.self, Import.self, Schema.self, Copy.self, Send.self])

    static func main() async {
        WriteFailure.ignoreFileSizeSignal()
        CrashLine.install()
        do {
            try RawArguments.checkUTF8()
            var command = try parseAsRoot()
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch {
            let (status, line, stdout) = ExitStatus.of(error, command: Self.self)
            if let stdout { print(stdout) }
            // The one line on standard error may echo CRM or config text: no bidi control reaches the terminal.
            if let line { FileHandle.standardError.write(Data("crm-report: \(BidiText.stripped(line))\n".utf8)) }
            Foundation.exit(status.rawValue)
        }
    }
}
