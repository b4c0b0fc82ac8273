import Foundation
import Testing
@testable import Charts
import Formatting

let enF = NumberFormat(locale: .en, currency: "USD")
let ruF = NumberFormat(locale: .ru, currency: "RUB")

/// Compares `text` with Golden/<name>.txt; with RECORD_GOLDEN=1 writes it instead.
func expectGolden(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let data = try? Data(contentsOf: url) else {
        Issue.record("missing golden file \(name).txt (run with RECORD_GOLDEN=1)", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != text {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        Issue.record("golden \(name) differs at line \(first + 1):\n  expected: \(first < a.count ? String(a[first]) : "<end>")\n  actual:   \(first < b.count ? String(b[first]) : "<end>")", sourceLocation: sourceLocation)
    }
}

/// The call log of a chart drawn on a recording canvas.
func log(_ chart: Chart) -> String {
    let c = RecordingCanvas()
    chart.draw(on: c)
    return c.text
}

let monday = CivilDate.days(year: 2026, month: 5, day: 25)

func weeks(_ values: [Double?]) -> [SeriesPoint] {
    values.enumerated().map { SeriesPoint(day: monday + 7 * $0.offset, value: $0.element) }
}

/// Every text drawn, for checks that do not need the full golden file.
func texts(_ log: String) -> [String] {
    log.split(separator: "\n").filter { $0.hasPrefix("text ") }.compactMap { line in
        guard let q = line.firstIndex(of: "\"") else { return nil }
        return String(line[line.index(after: q)...].dropLast())
    }
}
