import Foundation
import GRDBSQLite

/// `copy` from a PostgreSQL schema into a new SQLite file: one read-only snapshot, each table
/// through the reader's own binary COPY scan, written with the contract's column types (SQLite's
/// type affinity then stores numbers as numbers and text as text, as a CRM export would).
///
/// All or nothing: the rows go into a temporary file beside the target, renamed over it only
/// when every table is complete, so a copy that fails or is killed leaves no target (or the old
/// one, with `--force`), never part of one.
struct PostgresToSQLite {
    let server: PostgresLocation
    let schema: String
    let path: String
    let passwords: PasswordSource
    var force = false

    func run() throws -> [String: Int] {
        if FileManager.default.fileExists(atPath: path) && !force {
            throw CRMError("copy: \(path) already exists; copy writes a new SQLite file (--force replaces it)")
        }
        let session = try LibpqConnection.connect(server, passwords: passwords, purpose: .read)
        try session.execute(PostgresSnapshotReader.begin)
        let exported = try session.value("SELECT pg_export_snapshot()") ?? ""
        let catalog = try PostgresCatalog(connection: session, schema: schema)
        let check = try catalog.check(user: server.user)
        // The rows come through libpq's binary COPY, in a transaction that joins this one's snapshot.
        let reader = try LibpqConnection.joining(snapshot: exported, server, passwords: passwords)
        let temporary = TemporaryFile(beside: path)
        defer { temporary.remove() }
        let file = try SQLiteFile(creating: temporary.path, naming: path)
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
        try file.finish()
        try reader.execute("COMMIT")
        try session.execute("COMMIT")
        try temporary.rename(to: path)
        return counts
    }
}

/// A file being written beside its target (`.name.copy-PID.partial`, hidden, in the same folder
/// so the rename is atomic): removed when the copy fails, or when the process is stopped by
/// SIGTERM, SIGINT or SIGHUP; renamed over the target when it is complete.
final class TemporaryFile: @unchecked Sendable {
    let path: String
    private var renamed = false

    init(beside target: String) {
        let url = URL(fileURLWithPath: target)
        path = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).copy-\(getpid()).partial").path
        try? FileManager.default.removeItem(atPath: path)
        TemporaryFile.removedOnSignal(path)
    }

    func rename(to target: String) throws {
        guard Foundation.rename(path, target) == 0 else {
            throw CRMError("copy: cannot rename \(path) to \(target): \(String(cString: strerror(errno)))", kind: .internalFailure)
        }
        renamed = true
    }

    func remove() {
        if !renamed { unlink(path) }
        TemporaryFile.removedOnSignal(nil)
    }

    /// The one partial file a stopping signal removes (the process copies one file at a time):
    /// a plain C handler, so the signal is never lost to a thread that ignores it.
    private static func removedOnSignal(_ path: String?) {
        let old = partialPath
        partialPath = path.map { strdup($0) }
        free(old)
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            if path == nil {
                signal(sig, SIG_DFL)
            } else {
                signal(sig) { sig in
                    if let p = partialPath { unlink(p) }
                    _exit(128 + sig)
                }
            }
        }
    }
}

/// The partial file's path for the signal handler (which may only call async-signal-safe functions).
nonisolated(unsafe) private var partialPath: UnsafeMutablePointer<CChar>?

/// A SQLite file being written through the C API (a few statements, one insert per row).
final class SQLiteFile {
    private var db: OpaquePointer?
    let path: String

    /// Creates the file at `path`; messages name `name`, the file the user asked for.
    init(creating path: String, naming name: String) throws {
        self.path = name
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot create"
            sqlite3_close(db)
            db = nil
            throw CRMError("copy: cannot create \(name): \(message)")
        }
    }

    deinit { close() }

    func close() {
        sqlite3_close(db)
        db = nil
    }

    /// Closes the file, every statement finalized first; a file that does not close is not complete.
    func finish() throws {
        guard sqlite3_close(db) == SQLITE_OK else { throw failure() }
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
