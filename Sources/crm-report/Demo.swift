import Formatting
import ArgumentParser
import CRMData
import DemoData
import Foundation
import Site

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a realistic synthetic CRM database (deterministic for a seed).",
        discussion: """
        Two years of history ending at the as-of date: seasonal orders with returns and cancellations, \
        two sales pipelines, campaigns with control arms, messages, consent events with realistic violations, \
        invalid and duplicate contacts, interactions, acquisition costs and a sprinkling of bad rows.
        """)

    @Option(help: ArgumentHelp("Where to write the database. Default: demo.sqlite.", valueName: "path"))
    var db = "demo.sqlite"

    @Flag(help: "Replace the file at --db if one exists (a folder is never touched).")
    var force = false

    @Option(help: "Number of contacts.")
    var contacts = 20_000

    @Option(help: "Random seed: the same seed, size and as-of date give the same bytes.")
    var seed: UInt64 = 1

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the history ends (YYYY-MM-DD). Default: today (UTC).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        guard contacts >= 10, contacts <= 50_000_000 else { throw ValidationError("--contacts must be between 10 and 50000000") }
        if let asOf, CivilDate.parse(asOf) == nil { throw ValidationError("--as-of: expected a date YYYY-MM-DD, got '\(asOf)'") }
    }

    func run() async throws {
        let day = asOf.flatMap(CivilDate.parse) ?? Int(Date().timeIntervalSince1970 / 86_400)
        let started = Date()
        let counts = try DemoGenerator.generate(path: db, options: .init(contacts: contacts, seed: seed, asOfDay: day),
                                                replace: force) { done, total in
            Terminal.progress("demo: \(done) of \(total) contacts")
        }
        let rows = counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
        print("Wrote \(db) as of \(CivilDate.iso(day)): \(rows) (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)")
    }
}
