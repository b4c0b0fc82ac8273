import CRMData
import GRDB
import GRDBSQLite

/// A prepared INSERT bound and stepped through SQLite's C API: the demo writes
/// tens of millions of rows, and per-row argument arrays would dominate the time.
final class SQLiteInserter {
    private let statement: Statement
    private let stmt: OpaquePointer
    private let connection: OpaquePointer?
    private var index: Int32 = 0
    private(set) var rows = 0

    init(_ db: Database, table: String, columns: [String]) throws {
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        statement = try db.makeStatement(sql: sql)
        stmt = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    @discardableResult func int(_ v: Int64?) -> Self {
        index += 1
        if let v { sqlite3_bind_int64(stmt, index, v) } else { sqlite3_bind_null(stmt, index) }
        return self
    }

    @discardableResult func int(_ v: Int) -> Self { int(Int64(v)) }

    @discardableResult func real(_ v: Double?) -> Self {
        index += 1
        if let v { sqlite3_bind_double(stmt, index, v) } else { sqlite3_bind_null(stmt, index) }
        return self
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    @discardableResult func text(_ v: String?) -> Self {
        index += 1
        guard var v else { sqlite3_bind_null(stmt, index); return self }
        v.withUTF8 { p in
            _ = p.withMemoryRebound(to: CChar.self) { c in
                sqlite3_bind_text(stmt, index, c.baseAddress, Int32(c.count), Self.transient)
            }
        }
        return self
    }

    func insert() throws {
        let code = sqlite3_step(stmt)
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
        index = 0
        guard code == SQLITE_DONE else {
            throw CRMError("demo: insert failed: \(String(cString: sqlite3_errmsg(connection)))", kind: .internalFailure)
        }
        rows += 1
    }
}

