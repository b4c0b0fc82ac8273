import CRMData
import Formatting
import Testing
import TestSupport
@testable import Audits

/// One example of one check, for the parameterized test.
struct StaleExampleCase: Sendable, CustomTestStringConvertible {
    let check: any StaleCheck
    let example: Example
    let label: String
    var testDescription: String { label }

    static let all: [StaleExampleCase] = StaleChecks.all.flatMap { check in
        let d = type(of: check).description
        return d.failing.enumerated().map { StaleExampleCase(check: check, example: $1, label: "\(d.identifier) failing #\($0 + 1)") }
            + d.passing.enumerated().map { StaleExampleCase(check: check, example: $1, label: "\(d.identifier) passing #\($0 + 1)") }
    }
}

/// Reads an example's tiny database and runs the stale checks at its as-of day, with the ISO
/// week ending at or before it as the report period.
func staleContext(_ example: Example) throws -> (StaleAuditor, StaleContext) {
    let db = try FixtureDB()
    try db.insert(rows: example.rows)
    let snapshot = try db.snapshot(asOf: example.asOf)
    #expect(snapshot.badRows.entries.isEmpty, "the example's rows must all be good")
    let auditor = StaleAuditor(snapshot: snapshot, config: try ReportConfig.applying(example.config))
    return (auditor, auditor.context(at: snapshot.asOf, period: isoWeek(endingBefore: snapshot.asOf, snapshot.zone)))
}

/// The latest complete ISO week that ends at or before a moment.
func isoWeek(endingBefore moment: Instant, _ zone: ZoneClock) -> Range<Instant> {
    let end = CivilDate.startOfWeek(days: zone.day(of: moment))
    return zone.startOfDay(end - 7)..<zone.startOfDay(end)
}

@Suite struct StaleCheckExampleTests {
    @Test("every stale check finds what its own examples say", arguments: StaleExampleCase.all)
    func example(_ c: StaleExampleCase) throws {
        let (_, context) = try staleContext(c.example)
        #expect(c.check.findings(in: context).count == c.example.findings)
    }

    @Test func everyCheckHasFailingAndPassingExamplesAndAUniqueID() {
        let descriptions = StaleChecks.all.map { type(of: $0).description }
        #expect(descriptions.count == 11)
        #expect(Set(descriptions.map(\.identifier)).count == 11)
        for d in descriptions {
            #expect(!d.failing.isEmpty && d.failing.allSatisfy { $0.findings > 0 }, "\(d.identifier)")
            #expect(!d.passing.isEmpty && d.passing.allSatisfy { $0.findings == 0 }, "\(d.identifier)")
            #expect(d.severity == .warning)
            #expect(!d.name.ru.isEmpty && !d.summary.ru.isEmpty && !d.action.ru.isEmpty && !d.basis.isEmpty)
        }
    }
}
