import CRMData
import Testing
@testable import Audits

/// Every consent check's own examples: each failing example gives the check exactly its
/// number of findings, each passing example none.
@Suite struct ConsentExamplesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let check: String
        let kind: String
        let index: Int
        let example: Example
        var testDescription: String { "\(check) \(kind) #\(index + 1)" }
    }

    static let cases: [Case] = ConsentChecks.all.flatMap { check -> [Case] in
        let d = check.description
        return d.failing.enumerated().map { Case(check: d.identifier, kind: "failing", index: $0.offset, example: $0.element) }
            + d.passing.enumerated().map { Case(check: d.identifier, kind: "passing", index: $0.offset, example: $0.element) }
    }

    @Test("each check's examples", arguments: cases)
    func example(_ c: Case) throws {
        let run = try ConsentCase(c.example)
        #expect(run.findings(c.check).count == c.example.findings, "\(run.audit.findings.map(run.row))")
    }

    @Test func everyCheckHasFailingAndPassingExamplesAndADistinctID() {
        let ids = ConsentChecks.descriptions.map(\.identifier)
        #expect(ids == ["to_deleted", "no_consent", "after_withdrawal", "expired_consent", "after_unsubscribe",
                        "unrecorded_unsubscribe", "no_processing_consent", "missing_evidence", "old_consent", "minor", "not_erased"])
        for d in ConsentChecks.descriptions {
            #expect(!d.failing.isEmpty && !d.passing.isEmpty, "\(d.identifier)")
            #expect(d.failing.allSatisfy { $0.findings > 0 } && d.passing.allSatisfy { $0.findings == 0 }, "\(d.identifier)")
            #expect(!d.basis.isEmpty && !d.summary.ru.isEmpty && !d.action.en.isEmpty && !d.name.ru.isEmpty)
        }
        let severities = Dictionary(uniqueKeysWithValues: ConsentChecks.descriptions.map { ($0.identifier, $0.severity) })
        #expect(severities["unrecorded_unsubscribe"] == .warning && severities["missing_evidence"] == .warning
                && severities["minor"] == .warning && severities["old_consent"] == .info)
        #expect(severities.filter { $0.value == .violation }.keys.sorted()
                == ["after_unsubscribe", "after_withdrawal", "expired_consent", "no_consent", "no_processing_consent", "not_erased", "to_deleted"])
    }

    @Test func channelsMatchContract() {
        #expect(ConsentStates.channels == Channel.allCases.count && ConsentStates.slots == Channel.allCases.count + 1)
        #expect(ConsentStates.otherChannel == Channel.allCases.count)
        #expect(ConsentStates.allChannels.map { Int($0.rawValue) } == Array(0..<Channel.allCases.count))
    }
}
