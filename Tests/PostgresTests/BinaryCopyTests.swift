@testable import CRMData
import Foundation
import Formatting
import Testing
import TestSupport

/// PostgreSQL's binary COPY format, parsed from hand-made bytes: rows, NULLs and empty text read
/// in place; bad or cut-short data is an error naming what is wrong, never a crash.
@Suite("Binary COPY parser")
struct BinaryCopyTests {
    /// A field: nil is NULL (length -1).
    typealias Field = [UInt8]?

    static func int16(_ v: Int16) -> [UInt8] { withUnsafeBytes(of: v.bigEndian, Array.init) }
    static func int32(_ v: Int32) -> [UInt8] { withUnsafeBytes(of: v.bigEndian, Array.init) }
    static let header = BinaryCopyDecoder.signature + int32(0) + int32(0)
    static let trailer = int16(-1)

    static func row(_ fields: [Field]) -> [UInt8] {
        var bytes = int16(Int16(fields.count))
        for f in fields {
            if let f { bytes += int32(Int32(f.count)) + f } else { bytes += int32(-1) }
        }
        return bytes
    }

    static func int8(_ v: Int64) -> [UInt8] { withUnsafeBytes(of: v.bigEndian, Array.init) }

    /// The cells of every row the stream holds, fed in pieces of `piece` bytes (0: all at once).
    static func decode(_ stream: [UInt8], width: Int, piece: Int = 0) throws -> [[Field]] {
        var decoder = BinaryCopyDecoder(width: width)
        let batch = RowBatch(width: width, expectedRows: 1)
        let size = piece == 0 ? max(stream.count, 1) : piece
        var start = 0
        while start < stream.count {
            let end = min(start + size, stream.count)
            try Array(stream[start..<end]).withUnsafeBytes { try decoder.feed($0, into: batch) }
            start = end
        }
        try decoder.finish()
        return (0..<batch.rows).map { r in
            (0..<width).map { k -> Field in
                let s = batch.spans[r * width + k]
                return s.count < 0 ? nil : Array(UnsafeBufferPointer(start: batch.bytes + Int(s.start), count: Int(s.count)))
            }
        }
    }

    static func error(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return "\(error)" }
    }

    static let rows: [[Field]] = [
        [int8(1), Array("ann@example.com".utf8), nil],
        [int8(-2), [], Array("Ölgä ✓".utf8)],          // empty text is not NULL
        [nil, nil, nil],
    ]
    static let stream = header + rows.flatMap { row($0) } + trailer

    @Test("rows with NULL fields and empty text, whole or cut into pieces anywhere, read the same")
    func rowsInPieces() throws {
        #expect(try Self.decode(Self.stream, width: 3) == Self.rows)
        for piece in [1, 2, 3, 7, 19, 20] {
            #expect(try Self.decode(Self.stream, width: 3, piece: piece) == Self.rows)
        }
        #expect(try Self.decode(Self.header + Self.trailer, width: 3).isEmpty)
        // A header extension is skipped.
        let extended = BinaryCopyDecoder.signature + Self.int32(0) + Self.int32(3) + [9, 9, 9] + Self.row(Self.rows[0]) + Self.trailer
        #expect(try Self.decode(extended, width: 3) == [Self.rows[0]])
    }

    @Test("more rows than the batch was sized for grow it")
    func growth() throws {
        let many = (0..<5_000).map { i -> [Field] in [Self.int8(Int64(i)), Array(String(repeating: "x", count: i % 50).utf8)] }
        let stream = Self.header + many.flatMap { Self.row($0) } + Self.trailer
        #expect(try Self.decode(stream, width: 2, piece: 4096) == many)
    }

    @Test("a bad signature, a truncated stream, a wrong field count or length: a clear error, not a crash")
    func badData() throws {
        var bad = Self.stream
        bad[0] = UInt8(ascii: "X")
        #expect(Self.error { _ = try Self.decode(bad, width: 3) }?.contains("bad signature") == true)
        #expect(Self.error { _ = try Self.decode(Array("id,name\n1,ann\n".utf8), width: 3) }?.contains("bad signature") == true)
        #expect(Self.error { _ = try Self.decode([], width: 3) }?.contains("before its header") == true)
        #expect(Self.error { _ = try Self.decode(Array(Self.header.prefix(12)), width: 3) }?.contains("inside its header") == true)
        // Cut before the trailer, and in the middle of a row.
        #expect(Self.error { _ = try Self.decode(Array(Self.stream.dropLast(2)), width: 3) }?.contains("truncated") == true)
        #expect(Self.error { _ = try Self.decode(Array(Self.stream.prefix(Self.header.count + 9)), width: 3) }?.contains("truncated") == true)
        #expect(Self.error { _ = try Self.decode(Self.stream, width: 2) }?.contains("a row of 3 fields where 2 were asked for") == true)
        let negative = Self.header + Self.int16(1) + Self.int32(-7) + Self.trailer
        #expect(Self.error { _ = try Self.decode(negative, width: 1) }?.contains("a field of length -7") == true)
        // A length past the end of the data is a row cut short, not a read past the buffer.
        let long = Self.header + Self.int16(1) + Self.int32(Int32.max) + [1, 2, 3]
        #expect(Self.error { _ = try Self.decode(long, width: 1) }?.contains("truncated") == true)
        #expect(Self.error { _ = try Self.decode(Self.stream + [0, 1], width: 3) }?.contains("after the COPY trailer") == true)
        let oids = BinaryCopyDecoder.signature + Self.int32(1 << 16) + Self.int32(0) + Self.trailer
        #expect(Self.error { _ = try Self.decode(oids, width: 3) }?.contains("OIDs") == true)
        let extensionLength = BinaryCopyDecoder.signature + Self.int32(0) + Self.int32(-1) + Self.trailer
        #expect(Self.error { _ = try Self.decode(extensionLength, width: 3) }?.contains("extension") == true)
    }
}

/// The libpq side of a PostgreSQL read on a real server: the session settings, and one snapshot
/// for every table while another connection writes.
@Suite("PostgreSQL source: libpq scans", .serialized, .enabled(if: TestServer.available, Comment(rawValue: TestServer.skipped)))
struct LibpqScanTests {
    @Test("a libpq read session is read-only, named crm-report, with a statement timeout, in UTF-8")
    func gentleSession() throws {
        let c = try LibpqConnection.connect(try TestServer.location(), passwords: TestServer.passwords, purpose: .read)
        #expect(try c.value("SHOW default_transaction_read_only") == "on")
        #expect(try c.value("SHOW application_name") == "crm-report")
        #expect(try c.value("SHOW statement_timeout") == "5min")
        #expect(try c.value("SHOW synchronize_seqscans") == "off")
        #expect(try c.value("SHOW client_encoding") == "UTF8")
        let e = PostgresFailureTests.failure {
            try c.execute("CREATE TABLE crm_report_must_not_exist (x int)")
            return Snapshot(asOf: Instant(ms: 0), zone: try #require(ZoneClock(identifier: "UTC")))
        }
        #expect(e?.message.contains("read-only transaction") == true && e?.message.contains("\n") == false)
    }

    @Test("a wrong password through libpq: authentication failed, exit 2, the password never printed")
    func wrongPassword() throws {
        let wrong = PasswordSource(environment: ["PGPASSWORD": "not-the-password-42"], home: "/nonexistent")
        do {
            _ = try LibpqConnection.connect(try TestServer.location(), passwords: wrong, purpose: .read)
            Issue.record("connected with a wrong password")
        } catch let e as CRMError {
            #expect(e.kind == .badInput && e.message.contains("authentication failed for user 'crm'"))
            #expect(!e.message.contains("not-the-password-42") && !e.message.contains("\n"))
        }
    }

    @Test("cells through COPY: NULL, empty and blank text, control characters, numbers as 8 bytes, every table's rows")
    func cells() throws {
        let schema = TestServer.freshSchema("cells")
        try TestServer.psql("""
            CREATE SCHEMA \(schema);
            CREATE TABLE \(schema).t (n bigint, x float8, s text);
            INSERT INTO \(schema).t VALUES (1, 2.5, 'a'), (NULL, NULL, NULL), (-3, -0.25, ''), (4, 1e300, '  '), (5, 0, 'Ölgä'), (6, 0, E'x\\001y');
            """)
        let location = try TestServer.location()
        let session = try LibpqConnection.connect(location, passwords: TestServer.passwords, purpose: .read)
        let catalog = try PostgresCatalog(connection: session, schema: schema)
        let c = try LibpqConnection.connect(location, passwords: TestServer.passwords, purpose: .read)
        var source = PostgresTableSource(connection: c, catalog: catalog)
        source.batchRows = 2   // several batches, the last one short
        // `t` is no contract table: every column comes as text, apart from the row key.
        var rows = try source.rows(of: "t", [.named("n"), .named("s"), .absent, .rowKey])
        var seen: [[String?]] = []
        while try rows.next() {
            #expect(rows.isNull(2) && rows.isNull(3))
            seen.append([rows.string(0), rows.string(1), rows.isNull(1) ? "NULL" : "not NULL"])
        }
        // Text is cleaned of control characters as SQLite's is (CleanText), so both sources give the same site.
        #expect(seen == [["1", "a", "not NULL"], [nil, nil, "NULL"], ["-3", nil, "not NULL"], ["4", nil, "not NULL"], ["5", "Ölgä", "not NULL"],
                         ["6", "xy", "not NULL"]])
        // The row-count hint is the planner's estimate: none before ANALYZE, the rows after it.
        #expect(source.rowCountHint(of: "t") == nil)
        try TestServer.psql("ANALYZE \(schema).t")
        let analyzed = PostgresTableSource(connection: c, catalog: try PostgresCatalog(connection: session, schema: schema))
        #expect(analyzed.rowCountHint(of: "t") == 6)
        // The connection is ready for the next statement after a scan.
        #expect(try c.value("SELECT 1") == "1")
    }

    @Test("a read sees one snapshot while another connection inserts rows mid-read")
    func oneSnapshot() async throws {
        let db = try PostgresFailureTests.smallFixture()
        let schema = try await TestServer.load(db.path, label: "snap")
        let inserted = Once()
        let zone = try #require(ZoneClock(identifier: "UTC"))
        let day = try #require(CivilDate.parse(PostgresFailureTests.asOf))
        // The first table a share starts on commits new contacts and orders before any other table is read.
        let snapshot = try PostgresSnapshotReader(location: try TestServer.location(), schema: schema, asOf: zone.startOfDay(day), zone: zone,
                                                  progress: { _ in
                                                      inserted.run {
                                                          _ = try? TestServer.psql("""
                                                              INSERT INTO \(schema).contacts (id, created_at) VALUES (3, '2025-03-01'), (4, '2025-04-01');
                                                              INSERT INTO \(schema).orders (id, contact_id, ordered_at, amount, status)
                                                                VALUES (3, 3, '2026-11-19', 5, 'completed');
                                                              """)
                                                      }
                                                  }, passwords: TestServer.passwords).read()
        #expect(inserted.done)
        #expect(try TestServer.psql("SELECT count(*) FROM \(schema).contacts") == "4")
        #expect(snapshot.contacts.id.count == 2 && snapshot.orders.id.count == 2)
        #expect(snapshot.rowCounts["contacts"] == 2 && snapshot.rowCounts["orders"] == 2)
    }

    @Test("the contacts are handed over as soon as they are read, as from SQLite (the audits validate them meanwhile)")
    func contactsHandedOverEarly() async throws {
        let db = try PostgresFailureTests.smallFixture()
        let schema = try await TestServer.load(db.path, label: "early")
        let zone = try #require(ZoneClock(identifier: "UTC"))
        let day = try #require(CivilDate.parse(PostgresFailureTests.asOf))
        let handed = Handed()
        let snapshot = try PostgresSnapshotReader(location: try TestServer.location(), schema: schema, asOf: zone.startOfDay(day), zone: zone,
                                                  progress: { _ in }, contactsRead: { handed.add($0.id) },
                                                  passwords: TestServer.passwords).read()
        #expect(handed.calls == [snapshot.contacts.id] && snapshot.contacts.id.count == 2)
    }

    final class Handed: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [[Int64]] = []
        func add(_ ids: [Int64]) { lock.lock(); defer { lock.unlock() }; seen.append(ids) }
        var calls: [[Int64]] { lock.lock(); defer { lock.unlock() }; return seen }
    }

    /// Runs its body once, whichever reader thread comes first; the others wait for it.
    final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var done = false
        func run(_ body: () -> Void) {
            lock.lock(); defer { lock.unlock() }
            if !done { body(); done = true }
        }
    }
}
