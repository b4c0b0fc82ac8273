import CLibpq
import Foundation

/// One libpq connection, driven synchronously from one reading thread: the table scans of a
/// PostgreSQL read, as `COPY (SELECT ...) TO STDOUT (FORMAT binary)` (one CopyData message a row,
/// parsed in place into flat batches, instead of a cursor's one DataRow message a row through
/// postgres-nio). The same server, user, password, TLS mode and session settings as
/// `PostgresSession`; errors are the same one-line `CRMError`s (`PostgresFailure`).
final class LibpqConnection: @unchecked Sendable {
    private let conn: OpaquePointer
    let location: PostgresLocation

    private init(conn: OpaquePointer, location: PostgresLocation) {
        self.conn = conn
        self.location = location
    }

    /// The connection closes when its last reference goes.
    deinit { PQfinish(conn) }

    /// libpq's connection keywords for the location: the password only from `PasswordSource`
    /// (never libpq's own look-up, so both drivers find the same one), the read's session settings
    /// through `options`.
    static func parameters(_ location: PostgresLocation, password: String?, purpose: PostgresSession.Purpose) -> [(String, String)] {
        var settings = PostgresSession.startupParameters(purpose)
        let name = settings.first { $0.0 == "application_name" }?.1 ?? "crm-report"
        settings.removeAll { $0.0 == "application_name" }
        var p = [("host", location.host), ("port", String(location.port)), ("user", location.user),
                 ("dbname", location.database), ("sslmode", location.sslMode.rawValue), ("gssencmode", "disable"),
                 ("connect_timeout", "15"), ("application_name", name), ("client_encoding", "UTF8"),
                 ("options", settings.map { "-c \(optionEscaped($0.0))=\(optionEscaped($0.1))" }.joined(separator: " ")),
                 ("password", password ?? ""), ("passfile", "/nonexistent/crm-report-reads-no-pgpass-itself")]
        // The same trust roots as postgres-nio's (`trustRoots`); libpq alone would insist on ~/.postgresql/root.crt.
        let system = "/etc/ssl/certs/ca-certificates.crt"
        if location.sslMode == .verifyCA || location.sslMode == .verifyFull,
           let roots = location.trustRoots ?? (FileManager.default.fileExists(atPath: system) ? system : nil) {
            p.append(("sslrootcert", roots))
        }
        return p
    }

    /// A value in libpq's `options`: spaces and backslashes escaped with a backslash.
    static func optionEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: " ", with: "\\ ")
    }

    /// Connects and authenticates; each failure is one line naming the server (exit 2).
    static func connect(_ location: PostgresLocation, passwords: PasswordSource, purpose: PostgresSession.Purpose) throws -> LibpqConnection {
        let parameters = parameters(location, password: passwords.password(for: location), purpose: purpose)
        let keys = parameters.map { strdup($0.0) }, values = parameters.map { strdup($0.1) }
        defer { (keys + values).forEach { free($0) } }
        let made: OpaquePointer? = (keys.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { k in
            (values.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { v in
                PQconnectdbParams(k.baseAddress, v.baseAddress, 0)
            }
        }
        let place = "PostgreSQL at \(location.host):\(location.port)"
        guard let conn = made else { throw CRMError("cannot connect to \(place): libpq is out of memory") }
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = errorLine(conn)
            PQfinish(conn)
            throw connecting(message, location)
        }
        return LibpqConnection(conn: conn, location: location)
    }

    /// A read share: a `REPEATABLE READ READ ONLY` transaction that joins `snapshot`, exported by
    /// another transaction (`pg_export_snapshot()`), before it reads anything.
    static func joining(snapshot: String, _ location: PostgresLocation, passwords: PasswordSource) throws -> LibpqConnection {
        let c = try connect(location, passwords: passwords, purpose: .read)
        try c.execute(PostgresSnapshotReader.begin)
        try c.execute("SET TRANSACTION SNAPSHOT \(PostgresSession.literal(snapshot))")
        return c
    }

    /// libpq's last error, on one line, without its "connection to server ... failed:" preamble.
    static func errorLine(_ conn: OpaquePointer) -> String {
        var text = PQerrorMessage(conn).map { String(cString: $0) } ?? ""
        if let r = text.range(of: "failed: ") { text = String(text[r.upperBound...]) }
        text = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        while text.contains("  ") { text = text.replacingOccurrences(of: "  ", with: " ") }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// libpq's connection errors as `PostgresFailure.connecting` words them for postgres-nio.
    static func connecting(_ message: String, _ server: PostgresLocation) -> CRMError {
        let place = "PostgreSQL at \(server.host):\(server.port)"
        let lower = message.lowercased()
        if lower.contains("password authentication failed") || lower.contains("authentication failed") {
            return CRMError("\(place): authentication failed for user '\(server.user)' (the password comes from PGPASSWORD or ~/.pgpass): \(message)")
        }
        if lower.contains("no password supplied") || lower.contains("password is required") {
            return CRMError("\(place) asks for a password for user '\(server.user)': set PGPASSWORD or add it to ~/.pgpass")
        }
        if lower.contains("database") && lower.contains("does not exist") { return CRMError("\(place) has no database '\(server.database)'") }
        if lower.contains("does not match host name") { return PostgresFailure.wrongHostCertificate(server) }
        if lower.contains("certificate") {
            return PostgresFailure.untrustedCertificate(server, detail: message)
        }
        if lower.contains("does not support ssl") {
            return CRMError("\(place) does not offer TLS, and sslmode=\(server.sslMode.rawValue) requires it")
        }
        if lower.contains("refused") {
            return CRMError("cannot connect to \(place): connection refused (is the server running and listening on that port?)")
        }
        if lower.contains("timeout") { return CRMError("cannot connect to \(place): timed out") }
        return CRMError("cannot connect to \(place): \(message)")
    }

    /// The error of a failed result, or of the connection when there is none.
    func failure(_ result: OpaquePointer?, reading table: String?) -> CRMError {
        if let result, let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))) {
            let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
            return PostgresFailure.reading(state: String(cString: state), message: message ?? String(cString: state), table: table, location)
        }
        if PQstatus(conn) == CONNECTION_BAD { return PostgresFailure.lost(table: table, location) }
        let what = table.map { "table '\($0)'" } ?? "the database"
        return CRMError("cannot read \(what) from PostgreSQL at \(location): \(Self.errorLine(conn))", kind: .internalFailure)
    }

    /// Runs one statement; its rows, if any, are dropped. `table` names what was being read in an error.
    func execute(_ sql: String, reading table: String? = nil) throws {
        _ = try value(sql, reading: table)
    }

    /// Runs one statement and returns the first column of its first row, as text.
    @discardableResult
    func value(_ sql: String, reading table: String? = nil) throws -> String? {
        let result = PQexec(conn, sql)
        defer { PQclear(result) }
        let status = result.map { PQresultStatus($0) }
        guard let result, status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw failure(result, reading: table)
        }
        guard PQntuples(result) > 0, PQnfields(result) > 0, PQgetisnull(result, 0, 0) == 0 else { return nil }
        return PQgetvalue(result, 0, 0).map { String(cString: $0) }
    }

    /// Starts `COPY (select) TO STDOUT (FORMAT binary)`: the connection then hands over the rows.
    fileprivate func startCopy(_ select: String, reading table: String) throws {
        let result = PQexec(conn, "COPY (\(select)) TO STDOUT (FORMAT binary)")
        defer { PQclear(result) }
        guard let result, PQresultStatus(result) == PGRES_COPY_OUT else { throw failure(result, reading: table) }
    }

    /// The next piece of the COPY data (one row, the header with the first), handed to `body`
    /// and freed after; false at the end of the data, once the COPY's own result said it went well.
    fileprivate func copyPiece(reading table: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        var buffer: UnsafeMutablePointer<CChar>?
        let n = PQgetCopyData(conn, &buffer, 0)
        if n > 0, let buffer {
            defer { PQfreemem(buffer) }
            try body(UnsafeRawBufferPointer(start: buffer, count: Int(n)))
            return true
        }
        if let buffer { PQfreemem(buffer) }
        // -1: the COPY is done, its result says how; -2: an error, also in the result when the server sent one.
        var first: CRMError?
        while let result = PQgetResult(conn) {
            if first == nil, PQresultStatus(result) != PGRES_COMMAND_OK { first = failure(result, reading: table) }
            PQclear(result)
            if PQstatus(conn) == CONNECTION_BAD { break }
        }
        if let first { throw first }
        if n != -1 { throw failure(nil, reading: table) }
        return false
    }
}

/// A binary COPY of one select, in batches of about `batchRows` rows, each parsed into the same
/// `RowBatch` once the reader has moved on from the last one.
final class PostgresCopyScan {
    let connection: LibpqConnection
    let table: String
    let width: Int
    let batchRows: Int
    private var decoder: BinaryCopyDecoder
    private var open = true
    /// The batch being read; the reader holds pointers into it until its next `advance`.
    let current: RowBatch

    init(connection: LibpqConnection, table: String, select: String, width: Int, batchRows: Int) throws {
        self.connection = connection
        self.table = table
        self.width = width
        self.batchRows = batchRows
        decoder = BinaryCopyDecoder(width: width)
        current = RowBatch(width: width, expectedRows: batchRows)
        try connection.startCopy(select, reading: table)
    }

    /// The next batch, or nil after the last row.
    func advance() throws -> RowBatch? {
        current.reset()
        do {
            while open && current.rows < batchRows {
                let batch = current
                open = try connection.copyPiece(reading: table) { piece in try decoder.feed(piece, into: batch) }
                if !open { try decoder.finish() }
            }
        } catch let e as BinaryCopyError {
            open = false
            throw CRMError("cannot read table '\(table)' from PostgreSQL at \(connection.location): \(e)", kind: .internalFailure)
        } catch {
            open = false
            throw error
        }
        return current.rows > 0 ? current : nil
    }
}
