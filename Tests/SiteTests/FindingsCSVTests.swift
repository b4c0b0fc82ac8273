import CRMData
import Foundation
@testable import Site
import Testing
import TestSupport

/// The one CSV writer of every findings file (outputs.md, "Findings CSV"), read back by an
/// independent parser (Python's csv module): every record has the header's field count, every
/// value comes back as written, with the formula guard inside its quotes on every line.
@Suite("Findings CSV over hostile text")
struct FindingsCSVTests {
    /// Pieces of text that break naive CSV and spreadsheets: separators, quotes, line breaks of
    /// every kind, formula starts, bidi controls, non-ASCII, nothing at all.
    static let pieces = [",", "\"", "\r\n", "\n", "\r", "=", "+", "-", "@", "\t", "'", "a", "Ж", " ", "\u{202E}", "\u{2066}", "\u{200F}",
                         "=1+2", "=cmd|' /C calc'!A0", "-a,b", "@SUM(A1)", "\"\"", "😀", ";", "x=y"]

    static func hostileCells(_ count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(state: seed)
        return (0..<count).map { _ in (0..<random.int(6)).map { _ in random.pick(pieces) }.joined() }
    }

    @Test("2,000 records of hostile cells come back with the header's field count and their values, guarded")
    func hostileCellsRoundTrip() throws {
        let columns = ["a", "b", "c", "d"]
        let cells = Self.hostileCells(8_000, seed: 22)
        var csv = CSVText(header: columns)
        for row in stride(from: 0, to: cells.count, by: columns.count) {
            csv.append(Array(cells[row..<row + columns.count]))
        }
        let records = try IndependentCSV.parse(csv.data)
        #expect(records.count == 1 + cells.count / columns.count)
        #expect(records.first == columns)
        for (n, record) in records.dropFirst().enumerated() {
            #expect(record.count == columns.count, "record \(n + 1): \(record)")
            for (i, value) in record.enumerated() {
                let original = cells[n * columns.count + i]
                #expect(value == IndependentCSV.guarded(original), "\(original.debugDescription) came back as \(value.debugDescription)")
                #expect(!IndependentCSV.hasLiveFormula(value), "\(value.debugDescription) would run as a formula")
            }
        }
    }

    @Test("the cases of issue 22: the guard inside the quotes, each line of a multi-line cell guarded")
    func theReportedCases() {
        var csv = CSVText(header: ["table", "row_id", "reason"])
        csv.append(["-a,b", "=1\n=cmd|' /C calc'!A0", "plain"])
        csv.append(["", "-5", "a\r\n@b"])
        #expect(csv.text == "table,row_id,reason\r\n\"'-a,b\",\"'=1\n'=cmd|' /C calc'!A0\",plain\r\n,\"'-5\",\"a\r\n'@b\"\r\n")
    }
}
