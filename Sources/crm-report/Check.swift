import Formatting
import ArgumentParser
import CRMData
import Foundation
import Site

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the database against the input contract and count bad rows; writes nothing.",
        discussion: "Exit 0 when the schema is usable (bad rows are reported, not fatal); exit 2 when it is not.")

    @OptionGroup var read: ReadOptions

    func run() async throws {
        let config = try read.resolve()
        let resolved = try ResolvedRun(config)
        let s = try resolved.reader(config, since: Date(), progress: Terminal.progress).read()
        print("\(resolved.dbPath): schema OK (contract version 1), as of \(CivilDate.iso(resolved.asOfDay)) \(config.timezone)")
        for t in SchemaContract.v1.tables {
            let rows = s.rowCounts[t.name].map { "\($0) rows" } ?? "absent (optional)"
            let bad = s.badRows.count(table: t.name)
            print("  \(t.name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(rows)\(bad > 0 ? ", \(bad) bad-row findings" : "")")
        }
        for note in s.notes { print("  note: \(note.english)") }
        let counts = s.badRows.counts
        if counts.isEmpty {
            print("No bad rows.")
        } else {
            print("Bad rows (left out of every metric; a row with several problems is listed once per reason, so the findings can outnumber the rows):")
            for c in counts { print("  \(c.table).\(c.reason.id): \(c.count)") }
        }
    }
}
