import Foundation
import GRDB
import GRDBSQLite

/// `copy` from a SQLite file into an empty PostgreSQL schema, streamed with `COPY ... FROM STDIN`.
///
/// All or nothing: the schema, the tables and their rows are made in one transaction, committed
/// only when every table is complete; a copy that fails or is killed (the server rolls back when
/// the connection goes) leaves the schema as it was. A schema that already holds tables or
/// views is refused; `force` replaces the contract tables in it instead (in the same transaction).
struct SQLiteToPostgres {
    let path: String
    let server: PostgresLocation
    let schema: String
    let passwords: PasswordSource
    var force = false

    /// A table to copy: its contract columns present in the file, with the PostgreSQL type each gets.
    struct Plan {
        var table: String
        var columns: [(name: String, type: String)]
    }

    func run() throws -> [String: Int] {
        let plans = try self.plans()
        let session = try LibpqConnection.connect(server, passwords: passwords, purpose: .write)
        let q = PostgresSQL.quote
        try session.execute("BEGIN")
        if try session.value("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]) != nil {
            let existing = try PostgresCatalog(connection: session, schema: schema)
            if force {
                for table in SchemaContract.v1.tables {
                    if existing.relations[table.name] != nil { try session.execute(existing.drop(table.name)) }
                }
            } else if let first = existing.relations.values.map(\.name).min() {
                throw CRMError("copy: schema '\(schema)' at \(server) is not empty (it holds '\(first)'); "
                    + "copy fills only an empty schema (see --schema), or --force replaces the contract tables in it")
            }
        } else {
            try session.execute("CREATE SCHEMA \(q(schema))")
        }
        try session.execute("SET LOCAL search_path TO \(q(schema))")
        var counts: [String: Int] = [:]
        for plan in plans {
            try session.execute("CREATE TABLE \(q(plan.table)) (\(plan.columns.map { "\(q($0.name)) \($0.type)" }.joined(separator: ", ")))")
            counts[plan.table] = try load(plan, into: session)
        }
        try session.execute("ANALYZE")
        try session.execute("COMMIT")
        return counts
    }

    /// The present contract tables and columns (the reader's contract check), each column typed
    /// by what its values are.
    func plans() throws -> [Plan] {
        let (queue, _) = try SnapshotReader.open(try DatabaseFile(path: path), busyTimeout: 30)
        return try queue.read { db in
            let check = try SnapshotReader.checkSchema(db)
            return try SchemaContract.v1.tables.compactMap { table -> Plan? in
                guard let present = check.present[table.name] else { return nil }
                let columns = try present.map { name -> (name: String, type: String) in
                    let contract = table.columns.first { $0.name == name }?.type ?? "TEXT"
                    let allowed = contract == "INTEGER" ? "'integer'" : "'integer', 'real'"
                    let fits = contract == "TEXT" ? true : try Bool.fetchOne(db, sql: """
                        SELECT NOT EXISTS (SELECT 1 FROM "\(table.name)" WHERE typeof("\(name)") NOT IN ('null', \(allowed)))
                        """) ?? false
                    return (name, DatabaseCopy.postgresType(contract: contract, fits: fits))
                }
                return Plan(table: table.name, columns: columns)
            }
        }
    }

    /// Streams one table's rows in COPY's text format, in the file's order (rowid order), so the
    /// server's scan returns them in the same order as SQLite's.
    private func load(_ plan: Plan, into session: LibpqConnection) throws -> Int {
        let scan = try RawSQLiteScan(path: path, sql: "SELECT \(plan.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")) FROM \"\(plan.table)\"")
        var rows = 0
        let columns = plan.columns.map { PostgresSQL.quote($0.name) }.joined(separator: ", ")
        try session.copyIn("COPY \(PostgresSQL.quote(plan.table)) (\(columns)) FROM STDIN", table: plan.table) { send in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 20)
            while try scan.step() {
                scan.encodeRow(into: &buffer, width: plan.columns.count)
                rows += 1
                if buffer.count >= 1 << 20 {
                    try send(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            if !buffer.isEmpty { try send(buffer) }
        }
        return rows
    }
}

/// A read-only scan of a SQLite file through its C API: no GRDB closure around it, so the copy
/// can await the server between rows.
final class RawSQLiteScan {
    private var db: OpaquePointer?
    private var stmt: OpaquePointer?

    init(path: String, sql: String) throws {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            throw CRMError("copy: cannot open \(path): \(message)")
        }
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(db))
            sqlite3_close(db)
            throw CRMError("copy: cannot read \(path): \(message)")
        }
    }

    deinit {
        sqlite3_finalize(stmt)
        sqlite3_close(db)
    }

    func step() throws -> Bool {
        let code = sqlite3_step(stmt)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw CRMError("copy: cannot read the SQLite file: \(String(cString: sqlite3_errmsg(db)))")
    }

    /// The row as one line of COPY's text format: tab-separated, `\N` for NULL, backslash escapes.
    /// A REAL is written with Swift's shortest exact digits, so the server's double is SQLite's double.
    func encodeRow(into buffer: inout [UInt8], width: Int) {
        for i in 0..<Int32(width) {
            if i > 0 { buffer.append(0x09) }
            switch sqlite3_column_type(stmt, i) {
            case SQLITE_NULL: buffer.append(contentsOf: [0x5C, 0x4E])   // \N
            case SQLITE_INTEGER: buffer.append(contentsOf: String(sqlite3_column_int64(stmt, i)).utf8)
            case SQLITE_FLOAT: buffer.append(contentsOf: Self.text(sqlite3_column_double(stmt, i)).utf8)
            default:
                guard let p = sqlite3_column_text(stmt, i) else { buffer.append(contentsOf: [0x5C, 0x4E]); continue }
                CopyText.append(UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(stmt, i))), to: &buffer)
            }
        }
        buffer.append(0x0A)
    }

    /// A double as PostgreSQL reads it back to the same value (Swift prints "inf", PostgreSQL wants "Infinity").
    static func text(_ d: Double) -> String {
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d.isNaN { return "NaN" }
        return "\(d)"
    }
}
