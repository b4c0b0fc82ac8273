import Foundation
import GRDBSQLite

/// `copy` from a PostgreSQL schema into a new SQLite file: one read-only snapshot, each table
/// through the reader's own binary COPY scan, written with the contract's column types (SQLite's
/// type affinity then stores numbers as numbers and text as text, as a CRM export would).
struct PostgresToSQLite {
    let server: PostgresLocation
    let schema: String
    let path: String
    let passwords: PasswordSource

    func run() throws -> [String: Int] {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CRMError("copy: \(path) already exists; copy writes a new SQLite file")
        }
        let session = try PostgresSession.connect(server, passwords: passwords, purpose: .read)
        defer { session.close() }
        try session.execute(PostgresSnapshotReader.begin)
        let exported = try session.value("SELECT pg_export_snapshot()") ?? ""
        let catalog = try PostgresCatalog(session: session, schema: schema)
        let check = try catalog.check(user: server.user)
        // The rows come through libpq's binary COPY, in a transaction that joins this one's snapshot.
        let reader = try LibpqConnection.joining(snapshot: exported, server, passwords: passwords)
        let file = try SQLiteFile(creating: path)
        do {
            var counts: [String: Int] = [:]
            try file.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN")
            for table in SchemaContract.v1.tables {
                guard let present = check.present[table.name] else { continue }
                let types = present.map { name in table.columns.first { $0.name == name }?.type ?? "TEXT" }
                try file.execute("CREATE TABLE \"\(table.name)\" (\(zip(present, types).map { "\"\($0)\" \($1)" }.joined(separator: ", ")))")
                var rows = try PostgresTableSource(connection: reader, catalog: catalog).rows(of: table.name, present.map { .named($0) })
                let insert = try file.prepare("INSERT INTO \"\(table.name)\" VALUES (\(present.map { _ in "?" }.joined(separator: ", ")))")
                var n = 0
                while try rows.next() {
                    for k in present.indices { insert.bind(Int32(k + 1), rows, k) }
                    try insert.run()
                    n += 1
                }
                counts[table.name] = n
            }
            try file.execute("COMMIT")
            try reader.execute("COMMIT")
            try session.execute("COMMIT")
            return counts
        } catch {
            file.close()
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }
}

/// A SQLite file being written through the C API (a few statements, one insert per row).
final class SQLiteFile {
    private var db: OpaquePointer?
    let path: String

    init(creating path: String) throws {
        self.path = path
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot create"
            sqlite3_close(db)
            db = nil
            throw CRMError("copy: cannot create \(path): \(message)")
        }
    }

    deinit { close() }

    func close() {
        sqlite3_close(db)
        db = nil
    }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw failure() }
    }

    func prepare(_ sql: String) throws -> Insert {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else { throw failure() }
        return Insert(file: self, stmt: stmt)
    }

    func failure() -> CRMError { CRMError("copy: cannot write \(path): \(String(cString: sqlite3_errmsg(db)))") }

    /// A prepared INSERT, its parameters bound from a PostgreSQL row as they came.
    final class Insert {
        let file: SQLiteFile
        let stmt: OpaquePointer
        /// Tells SQLite to copy bound text: the batch it points into moves on.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        init(file: SQLiteFile, stmt: OpaquePointer) {
            self.file = file
            self.stmt = stmt
        }

        deinit { sqlite3_finalize(stmt) }

        func bind(_ index: Int32, _ row: PostgresRowSource, _ k: Int) {
            guard let bytes = row.cell(k), let base = bytes.baseAddress else { sqlite3_bind_null(stmt, index); return }
            switch row.wires[k] {
            case .int8, .float8:
                guard bytes.count == 8 else { sqlite3_bind_null(stmt, index); return }
                let bits = UInt64(bigEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
                if row.wires[k] == .int8 {
                    sqlite3_bind_int64(stmt, index, Int64(bitPattern: bits))
                } else {
                    sqlite3_bind_double(stmt, index, Double(bitPattern: bits))
                }
            case .text:
                sqlite3_bind_text(stmt, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
            }
        }

        func run() throws {
            defer { sqlite3_reset(stmt) }
            guard sqlite3_step(stmt) == SQLITE_DONE else { throw file.failure() }
        }
    }
}
