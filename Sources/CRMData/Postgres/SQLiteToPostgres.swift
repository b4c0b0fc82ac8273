import Foundation
import GRDB
import GRDBSQLite
import NIOCore
import PostgresNIO

/// `copy` from a SQLite file into an empty PostgreSQL schema, streamed with `COPY ... FROM STDIN`.
struct SQLiteToPostgres {
    let path: String
    let server: PostgresLocation
    let schema: String
    let passwords: PasswordSource

    /// A table to copy: its contract columns present in the file, with the PostgreSQL type each gets.
    struct Plan {
        var table: String
        var columns: [(name: String, type: String)]
    }

    func run() async throws -> [String: Int] {
        let plans = try self.plans()
        let session = try PostgresSession.connect(server, passwords: passwords, purpose: .write)
        defer { session.close() }
        let q = PostgresSession.quote
        try session.execute("CREATE SCHEMA IF NOT EXISTS \(q(schema))")
        try session.execute("SET search_path TO \(q(schema))")
        let existing = try PostgresCatalog(session: session, schema: schema)
        if let clash = plans.first(where: { existing.relations[$0.table] != nil }) {
            throw CRMError("copy: table '\(schema).\(clash.table)' already exists at \(server); copy fills only an empty schema (see --schema)")
        }
        var counts: [String: Int] = [:]
        for plan in plans {
            try session.execute("CREATE TABLE \(q(plan.table)) (\(plan.columns.map { "\(q($0.name)) \($0.type)" }.joined(separator: ", ")))")
            counts[plan.table] = try await load(plan, into: session)
        }
        try session.execute("ANALYZE")
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
    private func load(_ plan: Plan, into session: PostgresSession) async throws -> Int {
        let scan = try RawSQLiteScan(path: path, sql: "SELECT \(plan.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")) FROM \"\(plan.table)\"")
        var rows = 0
        try await session.connection.copyFrom(table: plan.table, columns: plan.columns.map(\.name), logger: PostgresSession.logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20)
            while try scan.step() {
                scan.encodeRow(into: &buffer, width: plan.columns.count)
                rows += 1
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
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
    func encodeRow(into buffer: inout ByteBuffer, width: Int) {
        for i in 0..<Int32(width) {
            if i > 0 { buffer.writeInteger(UInt8(0x09)) }
            switch sqlite3_column_type(stmt, i) {
            case SQLITE_NULL: buffer.writeStaticString("\\N")
            case SQLITE_INTEGER: buffer.writeString(String(sqlite3_column_int64(stmt, i)))
            case SQLITE_FLOAT: buffer.writeString(Self.text(sqlite3_column_double(stmt, i)))
            default:
                guard let p = sqlite3_column_text(stmt, i) else { buffer.writeStaticString("\\N"); continue }
                let bytes = UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(stmt, i)))
                guard bytes.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                    buffer.writeBytes(bytes)
                    continue
                }
                for c in bytes {
                    switch c {
                    case 0x5C: buffer.writeStaticString("\\\\")
                    case 0x09: buffer.writeStaticString("\\t")
                    case 0x0A: buffer.writeStaticString("\\n")
                    case 0x0D: buffer.writeStaticString("\\r")
                    default: buffer.writeInteger(c)
                    }
                }
            }
        }
        buffer.writeInteger(UInt8(0x0A))
    }

    /// A double as PostgreSQL reads it back to the same value (Swift prints "inf", PostgreSQL wants "Infinity").
    static func text(_ d: Double) -> String {
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d.isNaN { return "NaN" }
        return "\(d)"
    }
}
