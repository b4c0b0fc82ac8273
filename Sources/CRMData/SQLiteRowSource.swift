import GRDB
import GRDBSQLite

/// The tables of one SQLite read transaction: a GRDB `Database` inside `read { }`.
struct SQLiteTableSource: TableSource {
    let db: Database
    /// Per table (lower-case name), an SQL condition its scan keeps rows by (`ContactScope`); none: every row.
    var filters: [String: String] = [:]

    /// `SELECT <columns> FROM table`: NULL for an absent column, the rowid as the row key
    /// (NULL in a view, which has none).
    func rows(of table: String, _ columns: [ColumnRequest]) throws -> SQLiteRowSource {
        let isView = columns.contains(.rowKey)
            && (try? String.fetchOne(db, sql: "SELECT type FROM sqlite_master WHERE lower(name) = ?", arguments: [table])) == "view"
        let list = columns.map { column -> String in
            switch column {
            case .named(let name): return "\"\(name)\""
            case .absent: return "NULL"
            case .rowKey: return isView ? "NULL" : "rowid"
            }
        }
        let condition = filters[table.lowercased()].map { " WHERE \($0)" } ?? ""
        let sql = "SELECT \(list.joined(separator: ", ")) FROM \"\(table)\"\(condition)"
        let statement: Statement
        do { statement = try db.makeStatement(sql: sql) } catch {
            throw CRMError("cannot read table '\(table)': \(SnapshotReader.reason(error))")
        }
        return SQLiteRowSource(table: table, statement: statement, connection: db.sqliteConnection)
    }

    /// The largest rowid, one step down the table's b-tree: the row count when ids run from 1
    /// without gaps, as a CRM's usually do. Ignored when it is implausibly large (sparse ids).
    func rowCountHint(of table: String) -> Int? {
        guard filters[table.lowercased()] == nil, let max = try? Int.fetchOne(db, sql: "SELECT max(rowid) FROM \"\(table)\"") else { return nil }
        return plausibleRowCount(max)
    }
}

/// One raw SQLite scan through `sqlite3_step`, its cells read in place by `RowCursor`.
struct SQLiteRowSource: RowSource {
    let table: String
    /// Holds the prepared statement for the length of the scan.
    let statement: Statement
    let connection: OpaquePointer?
    let cursor: RowCursor

    init(table: String, statement: Statement, connection: OpaquePointer?) {
        self.table = table
        self.statement = statement
        self.connection = connection
        cursor = RowCursor(stmt: statement.sqliteStatement)
    }

    @inline(__always) mutating func next() throws -> Bool {
        let code = sqlite3_step(cursor.stmt)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE {
            sqlite3_reset(cursor.stmt)
            return false
        }
        let message = String(cString: sqlite3_errmsg(connection))
        sqlite3_reset(cursor.stmt)
        // Memory running out (ulimit -v) is no fault of the input: exit 3, as the other out-of-memory endings.
        let kind: CRMError.Kind = code & 0xFF == SQLITE_NOMEM ? .internalFailure : .badInput
        throw CRMError("cannot read table '\(table)': \(message)\(kind == .internalFailure ? CrashLine.addressSpaceLimitKB.map { " (ulimit -v allows \($0) KB)" } ?? "" : "")", kind: kind)
    }

    @inline(__always) func isNull(_ k: Int) -> Bool { cursor.isNull(Int32(truncatingIfNeeded: k)) }
    @inline(__always) func integer(_ k: Int) -> Number<Int64> { cursor.integer(Int32(truncatingIfNeeded: k)) }
    @inline(__always) func real(_ k: Int) -> Number<Double> { cursor.real(Int32(truncatingIfNeeded: k)) }
    @inline(__always) func text(_ k: Int) -> UnsafeBufferPointer<UInt8>? { cursor.text(Int32(truncatingIfNeeded: k)) }
    @inline(__always) func string(_ k: Int) -> String? { cursor.string(Int32(truncatingIfNeeded: k)) }
}
