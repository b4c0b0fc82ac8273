@testable import CRMData
import DemoData
import Foundation
import Formatting
import Testing
import TestSupport

/// The PostgreSQL source gives the same report as SQLite from the same data (issue 12): report.json
/// byte for byte, apart from the line naming the source (a file's SHA-256, a server's snapshot).
@Suite("PostgreSQL source: the same report as SQLite", .serialized, .enabled(if: TestServer.available, Comment(rawValue: TestServer.skipped)))
struct PostgresEqualityTests {
    /// Rows of every contract table, good and bad: timestamps with and without offsets, text in
    /// an amount, an unparseable date, a duplicate id, a dangling reference, blank text, an
    /// unknown enum value, rows after the as-of cut.
    static func mixedFixture() throws -> FixtureDB {
        let db = try FixtureDB()
        for id in 1...40 {
            try db.contact(id, created: "2026-0\(1 + id % 9)-1\(id % 10) 08:30", email: id % 3 == 0 ? "c\(id)@example.com" : nil,
                           phone: id % 4 == 0 ? "+7 912 345-67-\(10 + id)" : "  ", source: ["site", "ads", "partner"][id % 3],
                           region: id % 5 == 0 ? nil : "R\(id % 4)", segment: id % 7 == 0 ? "b2b" : nil)
        }
        try db.contact(41, created: "2026-13-40")            // unparseable: a bad row
        try db.contact(42, created: "2026-12-01")            // after the as-of cut: not yet visible
        try db.execute("INSERT INTO contacts (id, created_at, gender) VALUES (43, '2025-05-05T10:00:00+03:00', 'x')")
        var order = 1
        for day in 1...28 {
            for contact in [day % 40 + 1, (day * 7) % 40 + 1] {
                try db.order(order, contact: contact, at: "2026-11-\(String(format: "%02d", day % 23 + 1))T1\(day % 10):15:00Z",
                             amount: Double(order) * 10.15 + 0.1, status: order % 9 == 0 ? "refunded" : "completed",
                             channel: order % 2 == 0 ? "web" : "store")
                order += 1
            }
        }
        try db.execute("INSERT INTO orders (id, contact_id, ordered_at, amount, status) VALUES (900, 1, '2026-11-20', 'twelve', 'completed')")
        try db.execute("INSERT INTO orders (id, contact_id, ordered_at, amount, status) VALUES (901, 999, '2026-11-20', 5, 'completed')")
        try db.execute("INSERT INTO orders (id, contact_id, ordered_at, amount, status) VALUES (902, 2, '2026-11-21', -3.5, 'completed')")
        try db.deal(1, contact: 1, created: "2026-09-01", status: "won", closed: "2026-10-01", amount: 1500.5, owner: "ann")
        try db.deal(2, contact: 2, created: "2026-09-02", status: "lost", closed: nil, lostReason: "price")
        try db.deal(3, contact: 3, created: "2026-10-02", amount: 99.99, channel: "ads")
        try db.stage(deal: 1, "qualified", at: "2026-09-05")
        try db.stage(deal: 1, "won", at: "2026-10-01")
        try db.stage(deal: 7, "qualified", at: "2026-09-05")   // no such deal
        try db.execute("""
            INSERT INTO campaigns (id, name, channel, started_at, ended_at, cost, window_days) VALUES
              (1, 'Autumn', 'email', '2026-11-01', '2026-11-30', 1200.0, 14), (2, 'Push', 'push', '2026-11-05', NULL, NULL, 99999);
            INSERT INTO campaign_members (campaign_id, contact_id, arm, assigned_at) VALUES
              (1, 1, 'treatment', '2026-11-01'), (1, 2, 'control', '2026-11-01'), (1, 3, 'sideways', '2026-11-01');
            INSERT INTO messages (id, campaign_id, contact_id, channel, purpose, sent_at, delivered_at, opened_at) VALUES
              (1, 1, 1, 'email', 'marketing', '2026-11-02 09:00', '2026-11-02 09:01', '2026-11-03 10:00'),
              (2, 1, 2, 'email', 'marketing', '2026-11-02 09:00', NULL, NULL),
              (3, 1, 3, 'email', 'marketing', '2026-11-02 09:00', NULL, NULL);
            INSERT INTO consents (id, contact_id, purpose, channel, action, occurred_at, source, evidence) VALUES
              (1, 1, 'marketing', 'email', 'grant', '2026-01-01', 'form', 'ip'), (2, 2, 'marketing', NULL, 'withdraw', '2026-02-01', NULL, NULL);
            INSERT INTO interactions (id, contact_id, kind, channel, occurred_at) VALUES (1, 1, 'call_in', 'phone', '2026-11-10 12:00');
            INSERT INTO acquisition_costs (day, source, amount) VALUES ('2026-11-16', 'ads', 300.25), ('2026-11-17', 'ads', 'n/a');
            INSERT INTO pipeline_stages (pipeline, stage, position) VALUES ('default', 'qualified', 1), ('default', 'won', 2);
            """)
        return db
    }

    @Test("the mixed fixture, bad rows and all, gives the same report.json from PostgreSQL")
    func fixture() async throws {
        let db = try Self.mixedFixture()
        let schema = try await TestServer.load(db.path, label: "fixture")
        let sqlite = try await TestServer.report(db: db.path, asOf: "2026-11-23")
        let postgres = try await TestServer.report(db: try TestServer.location().url, schema: schema, asOf: "2026-11-23")
        #expect(postgres.json == sqlite.json)
        #expect(postgres.source.contains("PostgreSQL 1") && postgres.source.contains("snapshot"))
        #expect(!sqlite.json.contains("\"bad_rows\": []"))   // the fixture's bad rows are there, and so compared
    }

    @Test("the exact-money weeks give the same report.json from PostgreSQL")
    func exactMoney() async throws {
        let db = try FixtureDB.exactMoneyWeeks()
        let schema = try await TestServer.load(db.path, label: "money")
        let sqlite = try await TestServer.report(db: db.path, asOf: "2026-11-23")
        let postgres = try await TestServer.report(db: try TestServer.location().url, schema: schema, asOf: "2026-11-23")
        #expect(postgres.json == sqlite.json)
    }

    /// The demo CRM (2,000 contacts), loaded with `copy`, then the same data as a real schema types
    /// it: integer ids, timestamptz and timestamp, numeric amounts, wherever every value converts.
    @Test("a 2,000-contact demo gives the same report.json, as loaded and with typed columns")
    func demo() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-pg-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.sqlite").path
        let day = try #require(CivilDate.parse("2026-11-23"))
        _ = try DemoGenerator.generate(path: path, options: .init(contacts: 2_000, seed: 7, asOfDay: day))
        let sqlite = try await TestServer.report(db: path, asOf: "2026-11-23")

        let loaded = try await TestServer.load(path, label: "demo")
        let postgres = try await TestServer.report(db: try TestServer.location().url, schema: loaded, asOf: "2026-11-23")
        #expect(postgres.json == sqlite.json)

        let typed = try await TestServer.load(path, label: "typed")
        try TestServer.psql(Self.retype(typed))
        let types = try TestServer.psql("""
            SELECT string_agg(DISTINCT data_type, ',' ORDER BY data_type) FROM information_schema.columns WHERE table_schema = '\(typed)'
            """)
        for type in ["timestamp with time zone", "timestamp without time zone", "date", "numeric", "integer"] {
            #expect(types.contains(type), "no column became \(type): \(types)")
        }
        let retyped = try await TestServer.report(db: try TestServer.location().url, schema: typed, asOf: "2026-11-23")
        #expect(retyped.json == sqlite.json)
    }

    /// SQL that gives each column the type a real schema would, where every value converts and
    /// means what it meant as text: ids integer, timestamps timestamptz where any names an offset
    /// and timestamp (wall-clock time, read in the report's zone) where none does, days date,
    /// amounts numeric.
    static func retype(_ schema: String) -> String {
        """
        SET TIME ZONE 'UTC';
        DO $$
        DECLARE c record; t text; odd boolean;
        BEGIN
          FOR c IN SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = '\(schema)' LOOP
            t := CASE
              WHEN c.column_name = 'day' THEN 'date'
              WHEN c.column_name LIKE '%\\_at' THEN 'timestamp'
              WHEN c.column_name IN ('amount', 'cost') THEN 'numeric'
              WHEN c.column_name = 'id' OR c.column_name LIKE '%\\_id' OR c.column_name = 'position' THEN 'integer'
              ELSE NULL END;
            CONTINUE WHEN t IS NULL;
            -- Only values in the contract's own forms: PostgreSQL would accept (and so mend) others.
            BEGIN
              IF t LIKE 'timestamp%' OR t = 'date' THEN
                EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE %I !~ %L)', '\(schema)', c.table_name, c.column_name,
                               '^\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?(Z|[+-]\\d{2}:\\d{2})?$') INTO odd;
                CONTINUE WHEN odd;
                IF t = 'timestamp' THEN   -- with a zone where any value names an offset, else wall-clock time
                  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE %I ~ %L)', '\(schema)', c.table_name, c.column_name,
                                 '(Z|[+-]\\d{2}:\\d{2})$') INTO odd;
                  IF odd THEN t := 'timestamptz'; END IF;
                END IF;
              END IF;
              EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE %s USING %I::%s', '\(schema)', c.table_name, c.column_name, t, c.column_name, t);
            EXCEPTION WHEN others THEN NULL;   -- a value that does not convert: the column stays as it was
            END;
          END LOOP;
        END $$;
        """
    }
}
