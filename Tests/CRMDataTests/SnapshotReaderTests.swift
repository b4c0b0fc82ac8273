import CRMData
import Formatting
import Foundation
import Testing
import TestSupport

@Suite("Snapshot reader")
struct SnapshotReaderTests {
    @Test("the as-of cut drops rows from the as-of moment on and clears later events")
    func asOfCut() throws {
        let db = try FixtureDB()
        try db.contact(1, created: "2026-01-01")
        try db.contact(2, created: "2026-11-23")            // exactly at A: not visible
        try db.contact(3, created: "2026-01-01", deleted: "2026-11-23 00:00:01")   // deleted after A: not deleted at A
        try db.order(1, contact: 1, at: "2026-11-22 23:59:59", amount: 10)
        try db.order(2, contact: 1, at: "2026-11-23", amount: 20)           // at A: ignored, not bad
        try db.order(3, contact: 2, at: "2026-11-24", amount: 30)           // after A, to an invisible contact: ignored
        try db.deal(1, created: "2026-10-01", status: "won", closed: "2026-11-23 09:00", amount: 5)   // closed after A: open at A
        try db.insert("messages", ["id": 1, "contact_id": 1, "channel": "email", "purpose": "marketing",
                                   "sent_at": "2026-11-22 10:00", "delivered_at": "2026-11-22 10:01", "opened_at": "2026-11-23 08:00"])
        let s = try db.snapshot(asOf: "2026-11-23")
        #expect(s.contacts.id == [1, 3])
        #expect(s.contacts.deletedAt == [.missing, .missing])
        #expect(s.orders.id == [1])
        #expect(s.rowCounts["orders"] == 3)
        let deals = try #require(s.deals)
        #expect(deals.status == [.open] && deals.closedAt == [.missing])
        let m = try #require(s.messages)
        #expect(m.deliveredAt[0].exists && m.openedAt[0].isMissing)
        #expect(s.badRows.entries.isEmpty)
    }

    @Test("bad rows are counted by table and reason, once under each of their reasons, and left out")
    func badRows() throws {
        let db = try FixtureDB()
        try db.contact(1, created: "2026-01-01")
        try db.insert("contacts", ["id": 2, "created_at": "31.12.2025"])                  // unparseable_timestamp
        try db.insert("contacts", ["id": 3, "created_at": "2026-01-01", "gender": "x"])   // unknown_value
        try db.order(1, contact: 1, at: "2026-02-01", amount: -5)                           // negative_amount
        try db.order(2, contact: 1, at: "2026-02-01", amount: 5, status: "refunded")        // unknown_value
        try db.order(3, contact: 2, at: "2026-02-01", amount: 5)                            // missing_reference: contact 2 is bad
        try db.order(4, contact: 77, at: "yesterday", amount: -1, status: "x")              // four reasons
        try db.insert("orders", ["id": 5, "contact_id": 1, "ordered_at": "2026-02-01", "amount": 5, "status": "   "])  // blank: missing_value
        try db.deal(1, created: "2026-02-01", status: "won")                                 // won without closed_at: missing_value
        try db.stage(deal: 1, "lead", at: "2026-02-02")                                      // its deal is bad: missing_reference
        try db.insert("messages", ["id": 1, "contact_id": 1, "channel": "email", "purpose": "marketing",
                                   "sent_at": "2026-02-01", "delivered_at": "вчера"])        // unparseable later timestamp
        let s = try db.snapshot(asOf: "2026-11-23")
        #expect(s.contacts.id == [1])
        #expect(s.orders.count == 0)
        #expect(s.deals?.count == 0 && s.dealStages?.count == 0 && s.messages?.count == 0)
        let counts = s.badRows.counts.map { "\($0.table).\($0.reason.id)=\($0.count)" }
        #expect(counts == [
            "contacts.unparseable_timestamp=1", "contacts.unknown_value=1",
            "deal_stages.missing_reference=1", "deals.missing_value=1",
            "messages.unparseable_timestamp=1",
            "orders.unparseable_timestamp=1", "orders.negative_amount=2", "orders.unknown_value=2",
            "orders.missing_value=1", "orders.missing_reference=2",
        ])
        #expect(s.badRows.sortedEntries.filter { $0.table == "orders" }.map(\.rowID) == [1, 2, 3, 4, 4, 4, 4, 5])
    }

    @Test("absent optional tables and nullable columns are notes; the sections see nil")
    func optionalTables() throws {
        let db = try FixtureDB(omitTables: ["deals", "deal_stages", "campaigns", "messages"], omitColumns: ["contacts.push_token"])
        try db.contact(1)
        let s = try db.snapshot(asOf: "2026-11-23")
        #expect(s.deals == nil && s.messages == nil && s.campaigns == nil)
        #expect(s.consents != nil)
        #expect(s.notes.contains(.tableAbsent("deals")))
        #expect(s.notes.contains(.columnAbsent(table: "contacts", column: "push_token")))
    }

    @Test("a missing required table or column, a missing or non-SQLite file are one clear error")
    func schemaErrors() throws {
        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "no error" } catch { return "\(error)" }
        }
        let noOrders = try FixtureDB(omitTables: ["orders"])
        #expect(message { _ = try noOrders.snapshot(asOf: "2026-11-23") } == "required table 'orders' is missing from the database")
        let noAmount = try FixtureDB(omitColumns: ["orders.amount"])
        #expect(message { _ = try noAmount.snapshot(asOf: "2026-11-23") } == "required column 'orders.amount' is missing from the database")
        let noDealStatus = try FixtureDB(omitColumns: ["deals.status"])
        #expect(message { _ = try noDealStatus.snapshot(asOf: "2026-11-23") } == "required column 'deals.status' is missing from the database")
        let missing = "/nonexistent/crm.sqlite"
        #expect(message { _ = try SnapshotReader(path: missing, asOf: Instant(ms: 0), zone: .utc).read() } == "database not found: \(missing)")
        let text = noOrders.folder.appendingPathComponent("notes.txt")
        try Data("hello, this is not a database".utf8).write(to: text)
        #expect(message { _ = try SnapshotReader(path: text.path, asOf: Instant(ms: 0), zone: .utc).read() } == "not a SQLite database: \(text.path)")
    }

    @Test("views may stand in for tables")
    func views() throws {
        let db = try FixtureDB(omitTables: ["orders"])
        try db.contact(1)
        try db.execute("CREATE TABLE shop_orders (oid INTEGER, cid INTEGER, t TEXT, total REAL, st TEXT)")
        try db.execute("INSERT INTO shop_orders VALUES (7, 1, '2026-03-01', 12.5, 'completed')")
        try db.execute("CREATE VIEW orders AS SELECT oid AS id, cid AS contact_id, t AS ordered_at, total AS amount, NULL AS channel, NULL AS store, st AS status FROM shop_orders")
        let s = try db.snapshot(asOf: "2026-11-23")
        #expect(s.orders.id == [7] && s.orders.amount == [Money(minor: 1250)])
    }
}

/// Issue 13, item 4: a writer holding the lock is waited for, up to the busy timeout.
@Suite("Snapshot reader: busy writer", .serialized)
struct BusyWriterTests {
    func fixture() throws -> FixtureDB {
        let db = try FixtureDB()
        try db.contact(1, created: "2026-01-01")
        try db.order(1, contact: 1, at: "2026-02-01", amount: 10)
        return db
    }

    func reader(_ db: FixtureDB, timeout: Double) throws -> SnapshotReader {
        let day = try #require(CivilDate.parse("2026-11-23"))
        var r = SnapshotReader(path: db.path, asOf: ZoneClock.utc.startOfDay(day), zone: .utc)
        r.busyTimeout = timeout
        return r
    }

    @Test("a lock released within the busy timeout is waited for, and the read succeeds")
    func waits() throws {
        let db = try fixture()
        try FixtureDB.holdExclusiveLock(path: db.path, seconds: 0.6)
        let started = Date()
        let s = try reader(db, timeout: 10).read()
        #expect(s.orders.id == [1])
        #expect(Date().timeIntervalSince(started) >= 0.4)
    }

    @Test("a lock held past the busy timeout is one error naming the lock, after the timeout")
    func givesUp() throws {
        let db = try fixture()
        try FixtureDB.holdExclusiveLock(path: db.path, seconds: 4)
        let started = Date()
        let error = #expect(throws: CRMError.self) { _ = try reader(db, timeout: 1).read() }
        let waited = Date().timeIntervalSince(started)
        #expect(error?.message == "database \(db.path) is locked by another connection (a writer held its lock for more than 1 s): "
            + "run again when the writer has finished, or raise busy_timeout_seconds in the config")
        #expect(error?.kind == .badInput)
        #expect(waited >= 0.9 && waited < 3.5, "waited \(waited) s")
        Thread.sleep(forTimeInterval: 3.6 - waited)   // let the writer finish before the fixture is removed
    }

    @Test("busy_timeout_seconds is read strictly")
    func config() throws {
        var c = ReportConfig()
        #expect(c.busyTimeoutSeconds == 30)
        try ConfigFile.apply(yaml: "busy_timeout_seconds: 5", source: "report.yml", to: &c)
        #expect(c.busyTimeoutSeconds == 5)
        for bad in ["busy_timeout_seconds: -1", "busy_timeout_seconds: soon", "busy_timeout_seconds: 2.5", "busy_timeout_seconds: 99999"] {
            #expect(throws: CRMError.self, "\(bad)") { try ConfigFile.apply(yaml: bad, source: "report.yml", to: &c) }
        }
        #expect(c.canonicalText == ReportConfig().canonicalText)   // never changes a number, so never the config hash
    }

    @Test("site_url: an absolute http(s) address, kept with one trailing slash")
    func siteURL() throws {
        var c = ReportConfig()
        #expect(c.siteURL == nil)
        try ConfigFile.apply(yaml: "site_url: https://reports.example.com/crm", source: "report.yml", to: &c)
        #expect(c.siteURL == "https://reports.example.com/crm/")
        try ConfigFile.apply(yaml: "site_url: http://intranet:8080/", source: "report.yml", to: &c)
        #expect(c.siteURL == "http://intranet:8080/")
        for bad in ["site_url: reports.example.com", "site_url: ftp://example.com/", "site_url: https://example.com/?week=1",
                    "site_url: /var/www", "site_url: 5"] {
            let error = #expect(throws: CRMError.self, "\(bad)") { try ConfigFile.apply(yaml: bad, source: "report.yml", to: &c) }
            #expect(error?.message.contains("site_url") == true, "\(bad): \(error?.message ?? "")")
        }
        #expect(c.canonicalText == ReportConfig().canonicalText)   // links only: never the config hash
    }
}
