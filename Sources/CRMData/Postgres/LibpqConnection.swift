import CLibpq
import Foundation

/// One libpq connection, the only PostgreSQL driver: the catalog queries, the snapshot, the table
/// scans (`COPY (SELECT ...) TO STDOUT (FORMAT binary)`) and `copy`'s loading (`COPY ... FROM
/// STDIN`), driven from one thread at a time.
///
/// libpq runs non-blocking: every wait for the server is a `poll` of its socket with a deadline
/// (`LibpqSocket`), so a server that accepts and never answers, or stops mid-read (SIGSTOP, a
/// network gone quiet), ends the command with one line naming it (exit 3) instead of hanging.
/// Server notices (a WARNING before an immediate shutdown) never reach standard error raw: the
/// last one is kept for the error message.
final class LibpqConnection: @unchecked Sendable {
    let conn: OpaquePointer
    let location: PostgresLocation
    /// What the server said last as a notice (kept by the notice processor).
    let notices: Notices

    private init(conn: OpaquePointer, location: PostgresLocation, notices: Notices) {
        self.conn = conn
        self.location = location
        self.notices = notices
    }

    /// The connection closes when its last reference goes.
    deinit { PQfinish(conn) }

    /// The notices of one connection; libpq calls `processor` with the box as its argument.
    final class Notices: @unchecked Sendable {
        var last: String?

        static let processor: PQnoticeProcessor = { arg, message in
            guard let arg, let message else { return }
            let box = Unmanaged<Notices>.fromOpaque(arg).takeUnretainedValue()
            let line = String(cString: message).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            box.last = line.trimmingCharacters(in: .whitespaces)
        }
    }

    /// libpq's connection keywords for the location: the password only from `PasswordSource`
    /// (never libpq's own look-up, which warns on standard error itself), the session settings
    /// through `options`, TCP keepalives so a peer that vanished is noticed, and the URL's own
    /// libpq parameters last (they win).
    static func parameters(_ location: PostgresLocation, password: String?, purpose: PostgresSQL.Purpose) -> [(String, String)] {
        let settings = PostgresSQL.settings(purpose, statementTimeout: location.statementTimeoutSeconds)
        var p = [("host", location.host), ("port", String(location.port)), ("user", location.user),
                 ("dbname", location.database), ("sslmode", location.sslMode.rawValue), ("gssencmode", "disable"),
                 ("application_name", "crm-report"), ("client_encoding", "UTF8"),
                 ("keepalives", "1"), ("keepalives_idle", "30"), ("keepalives_interval", "10"), ("keepalives_count", "3"),
                 ("options", settings.map { "-c \(optionEscaped($0.0))=\(optionEscaped($0.1))" }.joined(separator: " ")),
                 ("password", password ?? ""), ("passfile", "/nonexistent/crm-report-reads-no-pgpass-itself")]
        // libpq alone would insist on ~/.postgresql/root.crt: the system's roots are the fallback.
        let system = "/etc/ssl/certs/ca-certificates.crt"
        if location.sslMode == .verifyCA || location.sslMode == .verifyFull,
           let roots = location.trustRoots ?? (FileManager.default.fileExists(atPath: system) ? system : nil) {
            p.append(("sslrootcert", roots))
        }
        for (key, value) in location.options.sorted(by: { $0.key < $1.key }) {
            p.removeAll { $0.0 == key }
            p.append((key, value))
        }
        return p
    }

    /// A value in libpq's `options`: spaces and backslashes escaped with a backslash.
    static func optionEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: " ", with: "\\ ")
    }

    /// Connects and authenticates within the connect timeout; each failure is one line naming the
    /// server: exit 2 for what the user can fix, exit 3 for a server that does not answer.
    static func connect(_ location: PostgresLocation, passwords: PasswordSource, purpose: PostgresSQL.Purpose) throws -> LibpqConnection {
        let parameters = parameters(location, password: passwords.password(for: location), purpose: purpose)
        let keys = parameters.map { strdup($0.0) }, values = parameters.map { strdup($0.1) }
        defer { (keys + values).forEach { free($0) } }
        let made: OpaquePointer? = (keys.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { k in
            (values.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { v in
                PQconnectStartParams(k.baseAddress, v.baseAddress, 0)
            }
        }
        guard let conn = made else { throw CRMError("cannot connect to \(PostgresFailure.place(location)): libpq is out of memory") }
        let notices = Notices()
        PQsetNoticeProcessor(conn, Notices.processor, Unmanaged.passUnretained(notices).toOpaque())
        let connection = LibpqConnection(conn: conn, location: location, notices: notices)
        try connection.completeConnecting()
        guard PQsetnonblocking(conn, 1) == 0 else { throw PostgresFailure.connecting(conn, location) }
        return connection
    }

    /// Drives `PQconnectPoll` to the end, waiting on the socket until the connect timeout.
    private func completeConnecting() throws {
        guard PQstatus(conn) != CONNECTION_BAD else { throw PostgresFailure.connecting(conn, location) }
        let deadline = Date().addingTimeInterval(Double(location.connectTimeout))
        var state = PGRES_POLLING_WRITING
        while true {
            switch state {
            case PGRES_POLLING_OK: return
            case PGRES_POLLING_FAILED: throw PostgresFailure.connecting(conn, location)
            default:
                let ready = try LibpqSocket(conn).wait(write: state == PGRES_POLLING_WRITING, until: deadline)
                guard ready else { throw PostgresFailure.noAnswer(location, connecting: true, notice: notices.last) }
                state = PQconnectPoll(conn)
            }
        }
    }

    /// A read share: a `REPEATABLE READ READ ONLY` transaction that joins `snapshot`, exported by
    /// another transaction (`pg_export_snapshot()`), before it reads anything.
    static func joining(snapshot: String, _ location: PostgresLocation, passwords: PasswordSource) throws -> LibpqConnection {
        let c = try connect(location, passwords: passwords, purpose: .read)
        try c.execute(PostgresSnapshotReader.begin)
        try c.execute("SET TRANSACTION SNAPSHOT \(PostgresSQL.literal(snapshot))")
        return c
    }

    /// The error of a failed result, or of the connection when there is none.
    func failure(_ result: OpaquePointer?, reading table: String?) -> CRMError {
        if let result, let state = PQresultErrorField(result, CLIBPQ_DIAG_SQLSTATE) {
            let message = PQresultErrorField(result, CLIBPQ_DIAG_MESSAGE_PRIMARY).map { String(cString: $0) }
            return PostgresFailure.reading(state: String(cString: state), message: message ?? String(cString: state), table: table, location)
        }
        if PQstatus(conn) == CONNECTION_BAD { return PostgresFailure.lost(table: table, location, notice: notices.last) }
        let what = table.map { "table '\($0)'" } ?? "the database"
        return CRMError("cannot read \(what) from PostgreSQL at \(location): \(PostgresFailure.errorLine(conn))", kind: .internalFailure)
    }

    /// Waits until the server has sent something (or room to send opens), at most the answer
    /// timeout; then reads what came. `table` names what was being read in an error.
    func awaitServer(write: Bool = false, reading table: String?) throws {
        let ready = try LibpqSocket(conn).wait(write: write, until: Date().addingTimeInterval(location.answerTimeout))
        guard ready else { throw PostgresFailure.noAnswer(location, connecting: false, table: table, notice: notices.last) }
        guard PQconsumeInput(conn) == 1 else { throw failure(nil, reading: table) }
    }

    /// Sends what libpq holds for the server, waiting while the socket is full.
    func flush(reading table: String?) throws {
        while true {
            switch PQflush(conn) {
            case 0: return
            case 1: try awaitServer(write: true, reading: table)
            default: throw failure(nil, reading: table)
            }
        }
    }

    /// The next result of the statement sent, waiting for it; nil when there are no more.
    func nextResult(reading table: String?) throws -> OpaquePointer? {
        while PQisBusy(conn) == 1 { try awaitServer(reading: table) }
        return PQgetResult(conn)
    }

    /// Sends one statement (with `$1`... bound to `parameters`, as text) and returns its last
    /// result, or the first that starts a COPY; a failed one is an error.
    func run(_ sql: String, _ parameters: [String] = [], reading table: String? = nil) throws -> OpaquePointer {
        let sent: Int32
        if parameters.isEmpty {
            sent = PQsendQuery(conn, sql)
        } else {
            let copies = parameters.map { strdup($0) }
            defer { copies.forEach { free($0) } }
            sent = copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { v in
                PQsendQueryParams(conn, sql, Int32(parameters.count), nil, v.baseAddress, nil, nil, 0)
            }
        }
        guard sent == 1 else { throw failure(nil, reading: table) }
        try flush(reading: table)
        var last: OpaquePointer?, error: CRMError?
        while let result = try nextResult(reading: table) {
            let status = PQresultStatus(result)
            if status == PGRES_COPY_OUT || status == PGRES_COPY_IN {
                if let last { PQclear(last) }
                return result
            }
            if status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY, error == nil {
                error = failure(result, reading: table)
            }
            if let last { PQclear(last) }
            last = result
            if PQstatus(conn) == CONNECTION_BAD { break }
        }
        if let error {
            if let last { PQclear(last) }
            throw error
        }
        guard let last else { throw failure(nil, reading: table) }
        return last
    }

    /// Runs one statement; its rows, if any, are dropped. `table` names what was being read in an error.
    func execute(_ sql: String, _ parameters: [String] = [], reading table: String? = nil) throws {
        PQclear(try run(sql, parameters, reading: table))
    }

    /// Runs one statement and returns its rows, each cell as text (nil for NULL).
    func rows(_ sql: String, _ parameters: [String] = [], reading table: String? = nil) throws -> [[String?]] {
        let result = try run(sql, parameters, reading: table)
        defer { PQclear(result) }
        let width = PQnfields(result)
        return (0..<PQntuples(result)).map { r in
            (0..<width).map { c in PQgetisnull(result, r, c) == 1 ? nil : PQgetvalue(result, r, c).map { String(cString: $0) } }
        }
    }

    /// Runs one statement and returns the first column of its first row, as text.
    @discardableResult
    func value(_ sql: String, _ parameters: [String] = [], reading table: String? = nil) throws -> String? {
        try rows(sql, parameters, reading: table).first?.first ?? nil
    }
}

/// libpq's socket, waited on with `poll` until a deadline.
struct LibpqSocket {
    let fd: Int32

    init(_ conn: OpaquePointer) throws {
        fd = PQsocket(conn)
        guard fd >= 0 else { throw CRMError("the PostgreSQL connection has no socket", kind: .internalFailure) }
    }

    /// Whether the socket became readable (or writable, with `write`) before the deadline.
    func wait(write: Bool, until deadline: Date) throws -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN) | (write ? Int16(POLLOUT) : 0), revents: 0)
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return false }
            let n = poll(&p, 1, Int32(min(left * 1000, 60_000).rounded(.up)))
            if n > 0 { return true }
            if n < 0 && errno != EINTR { throw CRMError("cannot wait for PostgreSQL: \(String(cString: strerror(errno)))", kind: .internalFailure) }
        }
    }
}
