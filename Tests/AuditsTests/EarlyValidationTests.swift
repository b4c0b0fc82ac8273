import Audits
import CRMData
import Testing
import TestSupport

/// The validation started while the database is read is the one the audit would make itself,
/// and is used only for the very contacts it was started on.
@Suite struct EarlyValidationTests {
    @Test func givesTheSameAuditAndOnlyForItsContacts() throws {
        let db = try FixtureDB()
        try db.contact(1, email: "ivan@example.com", phone: "+7 912 345-67-89")
        try db.contact(2, email: "bad@@example", phone: "12345")
        try db.contact(3, email: "IVAN@example.com ", phone: "8 (912) 345-67-89")
        let s = try db.snapshot(asOf: "2026-11-23")
        let config = ReportConfig()
        let early = EarlyValidation(settings: ValidationSettings(config: config))
        early.start(s.contacts)
        let given = try #require(early.validation(for: s.contacts))
        let settings = StaleSettings(config: config)
        let period = s.asOf..<s.asOf
        let withEarly = StaleAuditor(snapshot: s, settings: settings, validation: given).audit(previousAsOf: s.asOf, period: period, previousPeriod: period)
        let alone = StaleAuditor(snapshot: s, config: config).audit(previousAsOf: s.asOf, period: period, previousPeriod: period)
        #expect(withEarly == alone)
        #expect(withEarly.checks["duplicate"]??.count == 2 && withEarly.checks["invalid_phone"]??.count == 1)
        var other = s.contacts
        other.phone[0] = "+7 000"
        #expect(early.validation(for: other) == nil)
        #expect(EarlyValidation(settings: ValidationSettings(config: config)).validation(for: s.contacts) == nil)
    }
}
