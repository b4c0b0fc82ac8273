@testable import CRMData
import Foundation
import Formatting
import Testing
import TestSupport

/// Each way a PostgreSQL read can fail is one line naming the problem, exit 2 for what the user
/// can fix and 3 for a server lost mid-read; bad values are bad rows, as in SQLite (issue 12).
@Suite("PostgreSQL source: failures and bad rows", .serialized, .enabled(if: TestServer.available, Comment(rawValue: TestServer.skipped)))
struct PostgresFailureTests {
    static let asOf = "2026-11-23"

    /// A reader of `schema` on the test server, as `location` and `passwords` say.
    static func read(_ location: PostgresLocation, schema: String = "public", passwords: PasswordSource = TestServer.passwords) throws -> Snapshot {
        let zone = try #require(ZoneClock(identifier: "UTC"))
        let day = try #require(CivilDate.parse(asOf))
        return try PostgresSnapshotReader(location: location, schema: schema, asOf: zone.startOfDay(day), zone: zone,
                                          progress: { _ in }, passwords: passwords).read()
    }

    /// The CRMError a read throws.
    static func failure(_ body: () throws -> Snapshot) -> CRMError? {
        do { _ = try body(); return nil } catch let e as CRMError { return e } catch { return CRMError("\(error)", kind: .internalFailure) }
    }

    static func smallFixture(omitTables: Set<String> = []) throws -> FixtureDB {
        let db = try FixtureDB(omitTables: omitTables)
        try db.contact(1, created: "2025-01-01")
        try db.contact(2, created: "2025-02-01")
        if !omitTables.contains("orders") {
            try db.order(1, contact: 1, at: "2026-11-17", amount: 10)
            try db.order(2, contact: 2, at: "2026-11-18", amount: 20)
        }
        return db
    }

    static func with(port: Int? = nil, database: String? = nil, user: String? = nil) throws -> PostgresLocation {
        let l = try TestServer.location()
        return PostgresLocation(user: user ?? l.user, host: l.host, port: port ?? l.port, database: database ?? l.database, sslMode: l.sslMode)
    }

    @Test("nothing listening on the port: cannot connect, exit 2")
    func wrongPort() throws {
        let e = try #require(Self.failure { try Self.read(try Self.with(port: 1)) })
        #expect(e.kind == .badInput)
        #expect(e.message.contains("cannot connect to PostgreSQL at 127.0.0.1:1"))
        #expect(!e.message.contains("\n"))
    }

    @Test("a wrong password: authentication failed, exit 2, and the password is never printed")
    func wrongPassword() throws {
        let wrong = PasswordSource(environment: ["PGPASSWORD": "not-the-password-42"], home: "/nonexistent")
        let e = try #require(Self.failure { try Self.read(try TestServer.location(), passwords: wrong) })
        #expect(e.kind == .badInput)
        #expect(e.message.contains("authentication failed for user 'crm'"))
        #expect(!e.message.contains("not-the-password-42") && !e.message.contains(TestServer.password))
    }

    @Test("no password at all where the server asks for one: exit 2 naming PGPASSWORD")
    func noPassword() throws {
        // A command of its own: libpq falls back to the process's PGPASSWORD, which other tests set.
        let home = try ScratchFolder.make("crm-nopass").path
        let process = try CRMReportProcess(["check", "--db", try TestServer.location().url], password: nil, home: home)
        let r = process.finish()
        let l = try TestServer.location()
        #expect(r.status == 2)
        #expect(r.stderr == "crm-report: PostgreSQL at \(l.host):\(l.port) asks for a password for user 'crm': set PGPASSWORD or add it to ~/.pgpass\n")
    }

    @Test("the password from a ~/.pgpass line")
    func pgpass() async throws {
        let db = try Self.smallFixture()
        let schema = try await TestServer.load(db.path, label: "pgpass")
        let l = try TestServer.location()
        let file = db.folder.appendingPathComponent("pgpass")
        try "# a comment\nother:1:*:*:nope\n\(l.host):\(l.port):*:\(l.user):\(TestServer.password)\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let snapshot = try Self.read(l, schema: schema, passwords: PasswordSource(environment: ["PGPASSFILE": file.path], home: "/nonexistent"))
        #expect(snapshot.contacts.id.count == 2)
    }

    @Test("no such database: exit 2 naming it")
    func noDatabase() throws {
        let e = try #require(Self.failure { try Self.read(try Self.with(database: "no_such_crm")) })
        #expect(e.kind == .badInput && e.message.contains("has no database 'no_such_crm'"))
    }

    @Test("no such schema: exit 2 naming it")
    func noSchema() throws {
        let e = try #require(Self.failure { try Self.read(try TestServer.location(), schema: "no_such_schema") })
        #expect(e.kind == .badInput && e.message.contains("no schema 'no_such_schema'"))
    }

    @Test("a required table missing from the schema: exit 2 naming table and schema")
    func missingTable() async throws {
        let db = try Self.smallFixture()
        let schema = try await TestServer.load(db.path, label: "missing")
        try TestServer.psql("DROP TABLE \(schema).orders")
        let e = try #require(Self.failure { try Self.read(try TestServer.location(), schema: schema) })
        #expect(e.kind == .badInput && e.message == "required table 'orders' is missing from schema '\(schema)'")
    }

    @Test("SELECT revoked on one table: permission denied naming it, exit 2")
    func permissionDenied() async throws {
        let db = try Self.smallFixture()
        let schema = try await TestServer.load(db.path, label: "revoke")
        let role = "reader_\(schema)"
        try TestServer.psql("""
            CREATE ROLE \(role) LOGIN PASSWORD '\(TestServer.password)';
            GRANT USAGE ON SCHEMA \(schema) TO \(role);
            GRANT SELECT ON ALL TABLES IN SCHEMA \(schema) TO \(role);
            REVOKE SELECT ON \(schema).orders FROM \(role);
            """)
        let e = try #require(Self.failure { try Self.read(try Self.with(user: role), schema: schema) })
        #expect(e.kind == .badInput && e.message.contains("permission denied") && e.message.contains("'\(schema).orders'"))
        try TestServer.psql("GRANT SELECT ON \(schema).orders TO \(role)")
        #expect(try Self.read(try Self.with(user: role), schema: schema).orders.id.count == 2)
    }

    @Test("values of the wrong type are bad rows, as in SQLite: text amounts, dates that do not parse, text ids, duplicate ids")
    func badTypes() async throws {
        let schema = TestServer.freshSchema("types")
        try TestServer.psql("""
            CREATE SCHEMA \(schema);
            CREATE TABLE \(schema).contacts (id text, created_at text, email varchar(80));
            INSERT INTO \(schema).contacts VALUES ('1', '2025-01-01', 'a@b.c'), ('two', '2025-01-01', NULL), ('3', 'yesterday', NULL),
              ('4.0', '2025-03-01T10:00:00+03:00', ''), ('5', NULL, NULL);
            CREATE TABLE \(schema).orders (id bigint, contact_id integer, ordered_at timestamptz, amount text, status text);
            INSERT INTO \(schema).orders VALUES (1, 1, '2026-11-17 10:00+00', '12.50', 'completed'), (2, 1, '2026-11-18', 'abc', 'completed'),
              (3, 1, '2026-11-18', 'NaN', 'completed'), (4, 1, NULL, '1', 'completed'), (5, 4, '2026-11-19', '7', 'completed'),
              (6, 1, '2026-11-19', '3', 'completed'), (6, 2, '2026-11-20', '4', 'completed');
            """)
        let s = try Self.read(try TestServer.location(), schema: schema)
        #expect(s.contacts.id == [1, 2, 4])   // an id that is no integer names its row by ordinal, as in SQLite
        #expect(s.rowCounts["contacts"] == 5 && s.rowCounts["orders"] == 7)
        #expect(s.orders.id == [1, 5])
        #expect(s.orders.amount.map(\.minor) == [1250, 700])
        let reasons = Dictionary(s.badRows.counts.map { ("\($0.table).\($0.reason.id)", $0.count) }, uniquingKeysWith: +)
        #expect(reasons["contacts.unparseable_timestamp"] == 1 && reasons["contacts.missing_value"] == 1)
        #expect(reasons["orders.unknown_value"] == 2 && reasons["orders.missing_value"] == 1 && reasons["orders.duplicate_id"] == 2)
        // "PostgreSQL 15.18, snapshot 739:739:": the version's number, without a distribution's suffix.
        let identity = try #require(s.sourceIdentity)
        #expect(identity.wholeMatch(of: /PostgreSQL [0-9]+\.[0-9]+, snapshot [0-9]+:[0-9]+:[0-9,]*/) != nil, "\(identity)")
    }

    @Test("the server ending the session mid-read: exit 3, nothing returned")
    func serverLost() async throws {
        let db = try Self.smallFixture()
        let schema = try await TestServer.load(db.path, label: "lost")
        // A view whose second row ends the reading session, as a DBA's pg_terminate_backend would.
        try TestServer.psql("""
            ALTER TABLE \(schema).orders RENAME TO orders_data;
            CREATE VIEW \(schema).orders AS SELECT * FROM \(schema).orders_data
              WHERE CASE WHEN id = 2 THEN pg_terminate_backend(pg_backend_pid()) ELSE true END;
            """)
        let e = try #require(Self.failure { try Self.read(try TestServer.location(), schema: schema) })
        #expect(e.kind == .internalFailure)
        #expect(e.message.contains("orders") && !e.message.contains("\n"))
    }

    @Test("the read session is read-only, named crm-report, with a statement timeout")
    func gentleSession() throws {
        let session = try LibpqConnection.connect(try TestServer.location(), passwords: TestServer.passwords, purpose: .read)
        #expect(try session.value("SHOW default_transaction_read_only") == "on")
        #expect(try session.value("SHOW application_name") == "crm-report")
        #expect(try session.value("SHOW statement_timeout") == "5min")
        let e = Self.failure {
            try session.execute("CREATE TABLE crm_report_must_not_exist (x int)")
            return Snapshot(asOf: Instant(ms: 0), zone: try #require(ZoneClock(identifier: "UTC")))
        }
        #expect(e?.message.contains("read-only transaction") == true)
    }

    @Test("copy back from PostgreSQL into a new SQLite file gives the same report.json")
    func roundTrip() async throws {
        let db = try PostgresEqualityTests.mixedFixture()
        let schema = try await TestServer.load(db.path, label: "back")
        let back = db.folder.appendingPathComponent("back.sqlite").path
        let counts = try DatabaseCopy.copy(from: try TestServer.location().url, to: back, schema: schema, passwords: TestServer.passwords)
        #expect(counts["orders"] == 59)
        let original = try await TestServer.report(db: db.path, asOf: Self.asOf)
        let copied = try await TestServer.report(db: back, asOf: Self.asOf)
        #expect(copied.json == original.json)
        let again = Self.failure {
            _ = try PostgresToSQLite(server: try TestServer.location(), schema: schema, path: back, passwords: TestServer.passwords).run()
            return Snapshot(asOf: Instant(ms: 0), zone: try #require(ZoneClock(identifier: "UTC")))
        }
        #expect(again?.message.contains("already exists") == true)
    }
}
