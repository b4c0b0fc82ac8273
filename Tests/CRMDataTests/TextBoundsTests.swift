import CRMData
import Formatting
import Testing
import TestSupport

/// Parsers of CRM text look at the length first (issue 19, item 1): timestamps, numbers stored
/// as text and dates each have a bound far above their longest form.
@Suite("Text bounds")
struct TextBoundsTests {
    @Test("a timestamp with a fraction of a thousand digits is no timestamp; nine digits still are")
    func timestampBound() {
        let p = TimestampParser(zone: .utc)
        let nine = "2026-01-02 03:04:05.123456789+14:00"
        #expect(nine.utf8.count == 35)
        // 2026-01-02 03:04:05.123 at +14:00 is 2026-01-01 13:04:05.123 UTC.
        let day = Int64(CivilDate.days(year: 2026, month: 1, day: 1))
        #expect(p.parse(nine) == Instant(ms: day * 86_400_000 + (13 * 3600 + 4 * 60 + 5) * 1000 + 123))
        #expect(p.parse("2026-01-02 03:04:05." + String(repeating: "0", count: 1000)) == nil)
        #expect(p.parse("2026-01-02 03:04:05." + String(repeating: "0", count: 1_000_000)) == nil)
    }

    @Test("a date of a megabyte is rejected by its length")
    func dateBound() {
        #expect(CivilDate.parse("2026-01-02" + String(repeating: " ", count: 1_000_000)) == nil)
        #expect(CivilDate.parse("2026-01-02") == CivilDate.days(year: 2026, month: 1, day: 2))
    }

    @Test("an amount or a reference stored as text longer than 100 bytes is a bad row, not a number")
    func numberBound() throws {
        let db = try FixtureDB()
        try db.contact(1, created: "2026-01-01")
        // A table without column types keeps text as text (a declared REAL would convert it), as a view over a CRM may.
        try db.execute("DROP TABLE orders; CREATE TABLE orders (id, contact_id, ordered_at, amount, channel, store, status)")
        // 5 with 200 zeros after the point: a number to strtod, but no amount a CRM writes.
        try db.insert("orders", ["id": 1, "contact_id": 1, "ordered_at": "2026-02-01", "amount": "5." + String(repeating: "0", count: 200),
                                 "status": "completed"])
        try db.insert("orders", ["id": 2, "contact_id": 1, "ordered_at": "2026-02-01", "amount": " 7.25 ", "status": "completed"])
        // A reference of 201 bytes: 200 zeros and a 1, so no contact 1.
        try db.insert("orders", ["id": 3, "contact_id": String(repeating: "0", count: 200) + "1", "ordered_at": "2026-02-01",
                                 "amount": 1, "status": "completed"])
        let s = try db.snapshot(asOf: "2026-11-23")
        #expect(s.orders.id == [2])
        #expect(s.orders.amount == [Money(minor: 725)])
        let counts = s.badRows.counts.map { "\($0.table).\($0.reason.id)=\($0.count)" }
        #expect(counts == ["orders.unknown_value=1", "orders.missing_reference=1"])
    }
}
