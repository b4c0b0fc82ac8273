import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO

/// One connection to a PostgreSQL server, driven synchronously from a reading thread.
///
/// postgres-nio does its I/O on NIO event-loop threads; each call here waits for its future on
/// the calling thread, which is never an event-loop thread (the readers run on threads of their
/// own), so nothing waits on the Swift concurrency pool and two cores cannot deadlock.
final class PostgresSession: @unchecked Sendable {
    let connection: PostgresConnection
    let location: PostgresLocation

    /// What the session is for: reading a CRM (read-only, gentle) or `copy` writing into one.
    enum Purpose { case read, write }

    /// The session settings a DBA sees in `pg_stat_activity` and that keep a read gentle: no
    /// writes of any kind, one statement never runs for more than 5 minutes, no long queue behind
    /// a lock, and scans from the table's first page so rows come in their stored order.
    static func startupParameters(_ purpose: Purpose) -> [(String, String)] {
        var p = [("application_name", "crm-report"), ("synchronize_seqscans", "off")]
        if purpose == .read {
            p += [("default_transaction_read_only", "on"), ("statement_timeout", "300000"),
                  ("lock_timeout", "30000"), ("idle_in_transaction_session_timeout", "600000")]
        }
        return p
    }

    /// A logger that says nothing: errors reach the user as one line, through `CRMError`.
    static let logger = Logger(label: "crm-report.postgres") { _ in SwiftLogNoOpLogHandler() }

    private static let ids = ProcessCounter()

    private init(connection: PostgresConnection, location: PostgresLocation) {
        self.connection = connection
        self.location = location
    }

    /// Connects and authenticates; each failure is one line naming the server (exit 2).
    static func connect(_ location: PostgresLocation, passwords: PasswordSource, purpose: Purpose) throws -> PostgresSession {
        var config = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user,
            password: passwords.password(for: location), database: location.database, tls: try tls(location))
        config.options.additionalStartupParameters = startupParameters(purpose)
        config.options.connectTimeout = .seconds(15)
        let loop = PostgresConnection.defaultEventLoopGroup.next()
        do {
            let connection = try PostgresConnection.connect(on: loop, configuration: config, id: ids.next(), logger: logger).wait()
            return PostgresSession(connection: connection, location: location)
        } catch {
            throw PostgresFailure.connecting(error, location)
        }
    }

    /// The TLS settings for the URL's `sslmode`, as libpq reads it: `prefer` (the default) tries
    /// TLS and falls back, `require` insists without checking the certificate, the `verify-`
    /// modes check it against the system's trust roots.
    private static func tls(_ location: PostgresLocation) throws -> PostgresConnection.Configuration.TLS {
        var config = TLSConfiguration.makeClientConfiguration()
        switch location.sslMode {
        case .disable: return .disable
        case .allow, .prefer, .require: config.certificateVerification = .none
        case .verifyCA: config.certificateVerification = .noHostnameVerification
        case .verifyFull: config.certificateVerification = .fullVerification
        }
        if let roots = location.trustRoots { config.trustRoots = .file(roots) }
        let context: NIOSSLContext
        do { context = try NIOSSLContext(configuration: config) } catch {
            if let roots = location.trustRoots { throw CRMError("cannot set up TLS for PostgreSQL at \(location): \(roots) holds no PEM certificate") }
            throw CRMError("cannot set up TLS for PostgreSQL at \(location): \(error)")
        }
        return location.sslMode == .allow || location.sslMode == .prefer ? .prefer(context) : .require(context)
    }

    /// Runs one statement and returns all its rows (catalog queries and small results only).
    /// `table` names what was being read in an error.
    func rows(_ query: PostgresQuery, reading table: String? = nil) throws -> [PostgresRow] {
        do {
            return Array(try connection.query(query, logger: Self.logger).wait().rows)
        } catch {
            throw PostgresFailure.reading(error, table: table, location)
        }
    }

    func execute(_ sql: String, reading table: String? = nil) throws {
        _ = try rows(PostgresQuery(unsafeSQL: sql), reading: table)
    }

    /// The first column of the first row, as text.
    func value(_ sql: String) throws -> String? {
        guard let row = try rows(PostgresQuery(unsafeSQL: sql)).first else { return nil }
        do { return try row.decode(String?.self) } catch {
            throw CRMError("internal: unexpected answer from PostgreSQL to '\(sql)': \(error)", kind: .internalFailure)
        }
    }

    /// Closes the connection; a failure to close loses nothing, so it is not reported.
    func close() {
        try? connection.close().wait()
    }

    /// Quotes an identifier (a schema, table or column name) for SQL.
    static func quote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Quotes a text literal for SQL.
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}

/// Numbers unique in the process: connection ids for postgres-nio's logs.
final class ProcessCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var last = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; last += 1; return last }
}
