import CRMData
import Formatting
import Reports
import Testing
import TestSupport

/// Rows the reader must leave out of every metric: shared ids (issue 13, item 5) and amounts that
/// are no sane number (item 6); and money that adds up exactly (issue 8). As of Monday 2026-11-23,
/// the period is 2026-W47 (16-23 Nov).
@Suite("Bad rows in the metrics, exact money")
struct BadRowsInMetricsTests {
    static let asOf = "2026-11-23"

    static func summary(_ s: Snapshot) -> SummaryReport {
        SummaryReport.compute(s, period: ReportPeriod.latest(.week, asOfDay: CivilDate.parse(asOf) ?? 0))
    }

    static func counts(_ s: Snapshot) -> [String] { s.badRows.counts.map { "\($0.table).\($0.reason.id)=\($0.count)" } }

    /// `contacts` without a primary key, so two rows can hold one id.
    static func contactsWithoutKey() throws -> FixtureDB {
        let db = try FixtureDB(omitTables: ["contacts"])
        try db.execute("CREATE TABLE contacts (id INTEGER, created_at TEXT NOT NULL, email TEXT, phone TEXT, source TEXT, region TEXT, deleted_at TEXT, segment TEXT)")
        return db
    }

    @Test("rows sharing an id are all bad (duplicate_id), and the rows referring to it are missing_reference")
    func duplicateContacts() throws {
        let db = try Self.contactsWithoutKey()
        try db.contact(1, created: "2026-01-01")
        try db.contact(5, created: "2026-01-01", region: "North")   // the only 'North': gone with its row
        try db.contact(5, created: "2026-02-01")
        try db.contact(6, created: "2026-01-01", region: "South")
        try db.order(1, contact: 1, at: "2026-11-17", amount: 10)
        try db.order(2, contact: 5, at: "2026-11-17", amount: 20)
        try db.order(3, contact: 5, at: "2026-11-18", amount: 30)
        try db.order(4, contact: 6, at: "2026-11-18", amount: 40)
        let s = try db.snapshot(asOf: Self.asOf)
        #expect(s.contacts.id == [1, 6])
        #expect(s.orders.id == [1, 4])
        #expect(Self.counts(s) == ["contacts.duplicate_id=2", "orders.missing_reference=2"])
        #expect(s.badRows.sortedEntries.map { "\($0.table) \($0.rowID)" } == ["contacts 5", "contacts 5", "orders 2", "orders 3"])
        #expect(s.vocabulary.regions.values == ["South"])
        #expect(s.rowCounts["contacts"] == 4)
        #expect(Self.summary(s)[.revenue].current == 50)
    }

    @Test("a view may repeat an id too; a twin not yet created at A is no twin; a bad twin still is one")
    func duplicatesInAView() throws {
        let db = try Self.contactsWithoutKey()
        try db.contact(1, created: "2026-01-01")
        try db.contact(8, created: "2026-01-01")
        try db.contact(8, created: "2026-12-01")       // after A: not there yet, so 8 is unique at A
        try db.contact(9, created: "2026-01-01")
        try db.contact(9, created: "31.12.2025")       // bad, and there: both 9s are duplicates
        try db.execute("DROP TABLE orders")
        try db.execute("CREATE TABLE shop_orders (oid INTEGER, cid INTEGER, t TEXT, total REAL)")
        try db.execute("INSERT INTO shop_orders VALUES (7, 1, '2026-11-17', 10), (7, 1, '2026-11-18', 15), (3, 8, '2026-11-17', 5), (2, 9, '2026-11-17', 1)")
        try db.execute("CREATE VIEW orders AS SELECT oid AS id, cid AS contact_id, t AS ordered_at, total AS amount, NULL AS channel, NULL AS store, 'completed' AS status FROM shop_orders")
        let s = try db.snapshot(asOf: Self.asOf)
        #expect(s.contacts.id == [1, 8])
        #expect(s.orders.id == [3])
        #expect(Self.counts(s) == ["contacts.unparseable_timestamp=1", "contacts.duplicate_id=2",
                                   "orders.missing_reference=1", "orders.duplicate_id=2"])
        #expect(Self.summary(s)[.revenue].current == 5)
    }

    @Test("ids out of order but unique are no duplicates")
    func unorderedIDs() throws {
        let db = try Self.contactsWithoutKey()
        for id in [3, 1, 2] { try db.contact(id, created: "2026-01-01", region: "R\(id)") }
        try db.order(1, contact: 2, at: "2026-11-17", amount: 7)
        let s = try db.snapshot(asOf: Self.asOf)
        #expect(s.contacts.id == [3, 1, 2] && s.badRows.entries.isEmpty)
        #expect(s.vocabulary.regions.values == ["R3", "R1", "R2"])
        #expect(s.orders.contact == [2])
    }

    @Test("an amount that is not finite, or beyond 1e13, is unknown_value and counts nowhere")
    func nonFiniteAmounts() throws {
        let db = try FixtureDB()
        try db.contact(1, created: "2026-01-01")
        try db.order(1, contact: 1, at: "2026-11-17", amount: 1e308)
        try db.execute("INSERT INTO orders (id, contact_id, ordered_at, amount, status) VALUES (2, 1, '2026-11-17', 9e999, 'completed')")
        try db.execute("INSERT INTO orders (id, contact_id, ordered_at, amount, status) VALUES (3, 1, '2026-11-17', 'nan', 'completed')")
        try db.order(4, contact: 1, at: "2026-11-17", amount: -1e14)
        try db.order(5, contact: 1, at: "2026-11-17", amount: 1e13)
        try db.order(6, contact: 1, at: "2026-11-17", amount: 9_999_999_999_999.99)   // the largest sane amount
        try db.order(7, contact: 1, at: "2026-11-18", amount: 10)
        try db.execute("INSERT INTO deals (id, created_at, status, closed_at, amount) VALUES (1, '2026-11-01', 'won', '2026-11-18', 9e999)")
        try db.execute("INSERT INTO deals (id, created_at, status, closed_at, amount) VALUES (2, '2026-11-01', 'won', '2026-11-18', -9e999)")
        try db.deal(3, created: "2026-11-01", status: "won", closed: "2026-11-19", amount: 100)
        try db.execute("INSERT INTO campaigns (id, name, channel, started_at, cost) VALUES (1, 'Probe', 'email', '2026-11-01', 1e300)")
        let s = try db.snapshot(asOf: Self.asOf)
        #expect(s.orders.id == [6, 7])
        #expect(s.deals?.id == [3])
        #expect(s.campaigns?.count == 0)
        #expect(Self.counts(s) == ["campaigns.unknown_value=1", "deals.unknown_value=2", "orders.unknown_value=5"])
        let r = Self.summary(s)
        #expect(r[.revenue].current == 10_000_000_000_009.99)
        #expect(r[.dealsWon].current == 1 && r[.wonAmount].current == 100)
    }

    @Test("money adds up exactly: 0.1 + 0.2 is 0.3, and a week is the sum of its days to the kopeck")
    func exactMoney() throws {
        let db = try FixtureDB.exactMoneyWeeks()
        let s = try db.snapshot(asOf: Self.asOf)
        let r = Self.summary(s)
        #expect(r[.revenue].previous == 0.3)
        #expect("\(r[.revenue].previous ?? 0)" == "0.3")
        #expect(r[.revenue].current == 8_641_976.23)
        #expect("\(r[.revenue].current ?? 0)" == "8641976.23")
        #expect(s.orders.amount.sum() == Money(minor: 864_197_623 + 30))
        #expect(r[.averageOrderValue].current == 8_641_976.23 / 15)
    }
}
