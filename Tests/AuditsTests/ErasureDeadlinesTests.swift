import CRMData
import Formatting
import Testing
import TestSupport
@testable import Audits

/// The erasure clocks of the consent page and report.json, at the boundary of `consent.erasure_days`.
@Suite("Erasure deadlines")
struct ErasureDeadlinesTests {
    /// As of 2026-11-23 (UTC), erasure_days 30: a withdrawal exactly 30 days before A is on its last
    /// day (0 left, not overdue, no not_erased); one second earlier is overdue by a day (not_erased);
    /// ten days before leaves 20. A re-grant stops the clock; a deleted contact has none but is listed
    /// as messaged after its deletion.
    @Test func boundaries() throws {
        let c = try ConsentCase(
            contacts: [R.contact(1), R.contact(2, email: "b@example.com"), R.contact(3, email: "c@example.com"),
                       R.contact(4, email: "d@example.com"), R.contact(5, email: "e@example.com", deleted: "2026-06-01")],
            consents: [R.withdraw(1, contact: 1, "processing", channel: nil, at: "2026-10-24"),
                       R.withdraw(2, contact: 2, "processing", channel: nil, at: "2026-10-23 23:59:59"),
                       R.withdraw(3, contact: 3, "processing", channel: nil, at: "2026-11-13"),
                       R.withdraw(4, contact: 4, "processing", channel: nil, at: "2026-01-01"),
                       R.grant(5, contact: 4, "processing", channel: nil, at: "2026-02-01"),
                       R.withdraw(6, contact: 5, "processing", channel: nil, at: "2026-05-01")],
            messages: [R.message(10, contact: 5, at: "2026-06-02"), R.message(11, contact: 5, at: "2026-06-05"),
                       R.message(12, contact: 5, at: "2026-05-20")])
        let got = c.audit.erasureDeadlines.map { e in
            "\(e.contactID) \(e.eventID) \(CivilDate.iso(e.withdrawnDay)) \(CivilDate.iso(e.deadlineDay)) \(e.daysLeft) \(e.overdue)"
        }
        #expect(got == ["2 2 2026-10-23 2026-11-22 -1 true", "1 1 2026-10-24 2026-11-23 0 false", "3 3 2026-11-13 2026-12-13 20 false"])
        #expect(c.findings("not_erased").map { c.row($0).contact } == [2])
        #expect(c.audit.deletedButMessaged.map { "\($0.contactID) \(CivilDate.iso($0.deletedDay)) \($0.messages) \(CivilDate.iso($0.lastSentDay))" }
                == ["5 2026-06-01 2 2026-06-05"])
    }
}
