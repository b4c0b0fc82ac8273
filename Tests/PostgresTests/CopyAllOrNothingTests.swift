@testable import CRMData
import Foundation
import Formatting
import Testing
import TestSupport

/// `copy` is all or nothing (issue 19, items 2 and 3): killed at any moment it leaves no target
/// or a complete one, an existing target is refused unless --force, and every row the reader
/// accepts is copied, bad bytes included, so the target reports the same bad rows.
@Suite("copy: all or nothing, every row", .serialized, .enabled(if: TestServer.available, Comment(rawValue: TestServer.skipped)))
struct CopyAllOrNothingTests {
    /// The rows per table as the reader counts them, or nil when the target is not readable.
    static func counts(_ db: String, schema: String = "public") -> [String: Int]? {
        _ = TestServer.exportPassword
        guard let zone = ZoneClock(identifier: "UTC"), let day = CivilDate.parse(PostgresFailureTests.asOf) else { return nil }
        var reader = SnapshotReader(path: db, asOf: zone.startOfDay(day), zone: zone)
        reader.schema = schema
        return try? reader.read().rowCounts
    }

    /// A demo CRM of 3,000 contacts (about 75,000 rows), made by the command.
    static func demo() throws -> String {
        let path = try ScratchFolder.make("crm-copy-kill").appendingPathComponent("demo.sqlite").path
        let r = try CRMReportProcess.run(["demo", "--db", path, "--contacts", "3000", "--as-of", PostgresFailureTests.asOf])
        try #require(r.status == 0, "\(r.stderr)")
        return path
    }

    /// Starts `copy`, kills it (SIGKILL, by PID) after `delay` seconds; whether it was still running then.
    static func killedCopy(_ arguments: [String], after delay: Double) throws -> Bool {
        let copy = try CRMReportProcess(["copy"] + arguments)
        Thread.sleep(forTimeInterval: delay)
        let running = copy.process.isRunning
        kill(copy.process.processIdentifier, SIGKILL)
        _ = copy.finish()
        return running
    }

    /// Delays spread over a full copy's duration, the same each run (a fixed sequence, not a clock).
    static func delays(over duration: Double, count: Int) -> [Double] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return duration * (0.03 + 0.7 * Double(state >> 11) / Double(1 << 53))
        }
    }

    @Test("into PostgreSQL, killed at 14 moments: the schema is absent or holds every row")
    func killedIntoPostgres() throws {
        let source = try Self.demo()
        let expected = try #require(Self.counts(source))
        let url = try TestServer.location().url
        let full = TestServer.freshSchema("full")
        let started = Date()
        #expect(try CRMReportProcess.run(["copy", "--from", source, "--to", url, "--schema", full]).status == 0)
        let duration = Date().timeIntervalSince(started)
        #expect(Self.counts(url, schema: full) == expected)
        var interrupted = 0
        for delay in Self.delays(over: duration, count: 14) {
            let schema = TestServer.freshSchema("kill")
            if try Self.killedCopy(["--from", source, "--to", url, "--schema", schema], after: delay) { interrupted += 1 }
            let relations = try TestServer.psql("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '\(schema)'")
            if relations != "0" {
                #expect(Self.counts(url, schema: schema) == expected, "killed after \(delay) s: a part of a copy is visible")
            }
        }
        #expect(interrupted >= 10, "only \(interrupted) of 14 kills came mid-copy (a full copy took \(duration) s)")
    }

    @Test("into SQLite, killed at 14 moments: the file is absent or holds every row; SIGTERM removes the partial file")
    func killedIntoSQLite() async throws {
        let source = try Self.demo()
        let expected = try #require(Self.counts(source))
        let schema = try await TestServer.load(source, label: "killsrc")
        let url = try TestServer.location().url
        let folder = try ScratchFolder.make("crm-copy-kill-back")
        let started = Date()
        let whole = folder.appendingPathComponent("whole.sqlite").path
        #expect(try CRMReportProcess.run(["copy", "--from", url, "--schema", schema, "--to", whole]).status == 0)
        let duration = Date().timeIntervalSince(started)
        #expect(Self.counts(whole) == expected)
        var interrupted = 0
        for (n, delay) in Self.delays(over: duration, count: 14).enumerated() {
            let target = folder.appendingPathComponent("back\(n).sqlite").path
            if try Self.killedCopy(["--from", url, "--schema", schema, "--to", target], after: delay) { interrupted += 1 }
            if FileManager.default.fileExists(atPath: target) {
                #expect(Self.counts(target) == expected, "killed after \(delay) s: a part of a copy is visible")
            }
        }
        #expect(interrupted >= 10, "only \(interrupted) of 14 kills came mid-copy (a full copy took \(duration) s)")
        // A polite stop (SIGTERM) also removes the temporary file beside the target.
        let target = folder.appendingPathComponent("term.sqlite").path
        let copy = try CRMReportProcess(["copy", "--from", url, "--schema", schema, "--to", target])
        let partial = folder.appendingPathComponent(".term.sqlite.copy-\(copy.process.processIdentifier).partial").path
        while copy.process.isRunning && !FileManager.default.fileExists(atPath: partial) { try await Task.sleep(nanoseconds: 5_000_000) }
        let stillRunning = copy.process.isRunning
        copy.process.terminate()
        let stopped = copy.finish()
        #expect(!stillRunning || stopped.status == 128 + SIGTERM, "\(stopped)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".term.sqlite") || $0 == "term.sqlite" }
        #expect(left == (stillRunning ? [] : ["term.sqlite"]), "\(left)")
    }

    @Test("an existing target is refused (exit 2) unless --force, which replaces it whole")
    func existingTarget() async throws {
        let small = try PostgresFailureTests.smallFixture()
        let mixed = try PostgresEqualityTests.mixedFixture()
        let url = try TestServer.location().url
        let schema = try await TestServer.load(small.path, label: "exists")
        try TestServer.psql("CREATE TABLE \(schema).notes (x int)")   // not a contract table: --force leaves it
        let refused = try CRMReportProcess.run(["copy", "--from", mixed.path, "--to", url, "--schema", schema])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("copy: schema '\(schema)'") && refused.stderr.contains("is not empty (it holds 'acquisition_costs')")
            && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(Self.counts(url, schema: schema)?["contacts"] == 2)
        let forced = try CRMReportProcess.run(["copy", "--from", mixed.path, "--to", url, "--schema", schema, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(Self.counts(url, schema: schema) == Self.counts(mixed.path))
        #expect(try TestServer.psql("SELECT count(*) FROM \(schema).notes") == "0")

        let file = small.folder.appendingPathComponent("back.sqlite").path
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: file))
        let again = try CRMReportProcess.run(["copy", "--from", url, "--schema", schema, "--to", file])
        #expect(again.status == 2 && again.stderr.contains("already exists") && again.stderr.contains("--force"))
        #expect(try CRMReportProcess.run(["copy", "--from", url, "--schema", schema, "--to", file, "--force"]).status == 0)
        #expect(Self.counts(file) == Self.counts(mixed.path))
    }

    @Test("a BLOB, text with NUL and invalid UTF-8 are copied as the reader reads them: the same report and bad rows from both")
    func hostileBytes() async throws {
        let db = try FixtureDB()
        try db.contact(1, created: "2025-01-01")
        try db.execute("""
            INSERT INTO contacts (id, created_at, email, full_name, region) VALUES
              (2, '2025-01-02', CAST(X'616E6E406578616D706C652E636F6D' AS BLOB), 'Ann' || char(0) || 'Lee', 'North'),
              (3, '2025-01-03', NULL, CAST(X'4FC328' AS TEXT), CAST(X'52C3' AS TEXT)),
              (4, '2025-01-04' || char(0), NULL, 'Nul in date', NULL),
              (5, CAST(X'323032352D30312D3035' AS BLOB), NULL, 'Blob date', CAST(X'FF' AS TEXT)),
              (6, '2025-01-06', NULL, NULL, 'b2' || char(0));
            """)
        try db.order(1, contact: 1, at: "2026-11-17", amount: 10)
        try db.execute("""
            INSERT INTO orders (id, contact_id, ordered_at, amount, status) VALUES
              (2, 2, '2026-11-18', CAST(X'3132' AS BLOB), 'completed'),
              (3, 3, '2026-11-18', '7' || char(0), 'completed'),
              (4, 5, '2026-11-19', 5, 'compl' || char(0) || 'eted');
            """)
        let schema = try await TestServer.load(db.path, label: "bytes")
        let url = try TestServer.location().url
        let fromSQLite = try PostgresFailureTests.read(try TestServer.location(), schema: schema)
        let zone = try #require(ZoneClock(identifier: "UTC"))
        let day = try #require(CivilDate.parse(PostgresFailureTests.asOf))
        let original = try SnapshotReader(path: db.path, asOf: zone.startOfDay(day), zone: zone).read()
        #expect(fromSQLite.contacts.id == original.contacts.id && fromSQLite.contacts.id == [1, 2, 3, 5, 6])
        #expect(fromSQLite.orders.id == original.orders.id && fromSQLite.orders.amount.map(\.minor) == original.orders.amount.map(\.minor))
        #expect(fromSQLite.orders.amount.map(\.minor) == [1000, 1200])
        let reasons = { (s: Snapshot) in Dictionary(s.badRows.counts.map { ("\($0.table).\($0.reason.id)", $0.count) }, uniquingKeysWith: +) }
        #expect(reasons(fromSQLite) == reasons(original))
        // Order 3's amount "7\0" and order 4's status "compl\0eted" are unknown values, contact 4's date unparseable.
        #expect(reasons(original)["contacts.unparseable_timestamp"] == 1 && reasons(original)["orders.unknown_value"] == 2)
        // NUL arrives as U+0001 (dropped as clean text drops NUL), invalid UTF-8 as U+FFFD, a BLOB as its bytes.
        #expect(try TestServer.psql("SELECT full_name FROM \(schema).contacts WHERE id = 2") == "Ann\u{01}Lee")
        #expect(try TestServer.psql("SELECT full_name || '|' || region FROM \(schema).contacts WHERE id = 3") == "O\u{FFFD}(|R\u{FFFD}")
        #expect(try TestServer.psql("SELECT email FROM \(schema).contacts WHERE id = 2") == "ann@example.com")
        let reports = (try await TestServer.report(db: db.path, asOf: PostgresFailureTests.asOf),
                       try await TestServer.report(db: url, schema: schema, asOf: PostgresFailureTests.asOf))
        #expect(reports.0.json == reports.1.json)
    }
}
