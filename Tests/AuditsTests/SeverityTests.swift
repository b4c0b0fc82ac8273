import Testing
@testable import Audits

@Suite struct SeverityTests {
    @Test func ordersInfoBelowWarningBelowViolation() {
        #expect(Severity.info < .warning)
        #expect(Severity.warning < .violation)
        #expect(Severity.allCases.max() == .violation)
    }
}
