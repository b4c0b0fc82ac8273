import Foundation

/// Where a CRM lives, as `--db` or the config's `db:` names it: a SQLite file, or a PostgreSQL
/// server named by a `postgresql://` URL.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// A `postgresql://` or `postgres://` value is a server; anything else is a file path.
    public init(_ text: String) throws {
        if PostgresLocation.isURL(text) {
            self = .postgres(try PostgresLocation(url: text))
        } else {
            self = .sqlite(path: text)
        }
    }

    /// Whether the text names a PostgreSQL server (so it is neither hashed nor opened as a file).
    public static func isPostgres(_ text: String) -> Bool { PostgresLocation.isURL(text) }
}

/// A PostgreSQL server and database: `postgresql://user@host:port/dbname?sslmode=...`.
///
/// The password is never part of it: it comes from `PGPASSWORD` or the password file
/// (`PGPASSFILE`, else `~/.pgpass`), so it appears in no command line, config file or message.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public let user: String
    public let host: String
    public let port: Int
    public let database: String
    public let sslMode: SSLMode
    /// The CA certificates (PEM) the server's certificate is checked against in the `verify-`
    /// modes: the URL's `sslrootcert`, as in libpq; nil: `~/.postgresql/root.crt` when it exists,
    /// else the system's trust roots (`trustRoots`).
    public let sslRootCert: String?
    /// The URL's other libpq parameters, passed on to libpq as they are (`passedOn`): the connect
    /// timeout, the TCP keepalives, a client certificate.
    public let options: [String: String]
    /// Seconds one statement may run on the server, and the longest the client waits for the
    /// server to send anything (plus `answerGrace`): config `statement_timeout_seconds`.
    public var statementTimeoutSeconds = 300

    /// libpq parameters a URL may carry beside `sslmode` and `sslrootcert`, each a number of
    /// seconds (or a count) from 0 to the bound, or a file for the client certificate.
    static let passedOn: [String: Int?] = [
        "connect_timeout": 3600, "keepalives": 1, "keepalives_idle": 86400, "keepalives_interval": 3600,
        "keepalives_count": 1000, "sslcert": nil, "sslkey": nil,
    ]

    /// Seconds to wait for the server to accept the connection and log in: the URL's
    /// `connect_timeout` (libpq's parameter), else 15.
    public var connectTimeout: Int { options["connect_timeout"].flatMap { Int($0) }.map { max($0, 1) } ?? 15 }

    /// The longest the client waits for the server to send anything: its statement timeout, and
    /// a few seconds more so that the server's own cancellation (a clear error) comes first.
    var answerTimeout: Double { Double(statementTimeoutSeconds) + Self.answerGrace }
    static let answerGrace = 5.0

    static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    public init(user: String, host: String, port: Int = 5432, database: String, sslMode: SSLMode = .prefer,
                sslRootCert: String? = nil, options: [String: String] = [:]) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
        self.sslRootCert = sslRootCert
        self.options = options
    }

    /// Parses the URL; each mistake is an error naming it (never echoing a password).
    public init(url text: String) throws {
        func bad(_ what: String) -> CRMError { CRMError("--db: \(what) (expected postgresql://user@host:port/dbname?sslmode=...)") }
        guard let components = URLComponents(string: text) else { throw bad("not a valid URL") }
        if components.password != nil {
            throw bad("the URL must not hold a password: set PGPASSWORD or use ~/.pgpass")
        }
        guard let host = components.host, !host.isEmpty else { throw bad("no host") }
        if let port = components.port, !(1...65535).contains(port) {
            throw bad("port \(port) is out of range: a TCP port is a number from 1 to 65535")
        }
        // The name as written, a %2F in it being a '/' of the name (PostgreSQL allows one), not a path.
        let encoded = components.percentEncodedPath.hasPrefix("/") ? String(components.percentEncodedPath.dropFirst()) : components.percentEncodedPath
        guard !encoded.isEmpty else { throw bad("no database name after the host") }
        guard !encoded.contains("/") else {
            throw bad("the database name '\(encoded)' holds a '/': a URL has one database after the host (write a '/' in a name as %2F)")
        }
        guard let database = encoded.removingPercentEncoding, !database.isEmpty else {
            throw bad("the database name '\(encoded)' has a broken %-escape")
        }
        var mode = SSLMode.prefer
        var rootCert: String?
        var options: [String: String] = [:]
        var seen = Set<String>()
        for item in components.queryItems ?? [] {
            guard seen.insert(item.name).inserted else {
                throw bad("parameter '\(item.name)' is given twice; give each once")
            }
            switch item.name {
            case "sslmode":
                guard let value = item.value, let m = SSLMode(rawValue: value) else {
                    throw bad("sslmode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                mode = m
            case "sslrootcert", "sslcert", "sslkey":
                guard let value = item.value, !value.isEmpty else { throw bad("\(item.name) needs the path of a PEM file") }
                guard FileManager.default.isReadableFile(atPath: value) else { throw bad("\(item.name): cannot read '\(value)'") }
                if item.name == "sslrootcert" { rootCert = value } else { options[item.name] = value }
            case "application_name": continue   // always crm-report, so a DBA can find it
            default:
                guard let entry = Self.passedOn[item.name], let bound = entry else {
                    throw bad("unknown parameter '\(item.name)'")
                }
                guard let value = item.value, let n = Int(value), (0...bound).contains(n) else {
                    throw bad("\(item.name) must be a whole number from 0 to \(bound)")
                }
                options[item.name] = String(n)
            }
        }
        let user = components.user ?? ProcessInfo.processInfo.environment["PGUSER"] ?? NSUserName()
        self.init(user: user.removingPercentEncoding ?? user, host: host, port: components.port ?? 5432,
                  database: database, sslMode: mode, sslRootCert: rootCert, options: options)
    }

    /// The trust roots of the `verify-` modes, for both drivers alike: the PEM file, or nil for the
    /// system's roots.
    public var trustRoots: String? {
        if let sslRootCert { return sslRootCert }
        let home = NSHomeDirectory() + "/.postgresql/root.crt"
        return FileManager.default.isReadableFile(atPath: home) ? home : nil
    }

    /// Where the certificate was checked, for a message.
    var trustRootsName: String { trustRoots ?? "the system's trust roots" }

    /// `user@host:port/dbname`: how messages and provenance name the server (no password, ever).
    public var description: String { "\(user)@\(host):\(port)/\(database)" }

    /// What a database name keeps unescaped in a URL: a '/' in it is %2F.
    static let nameAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/%"))

    /// The URL back, as `copy` and the tests pass it on.
    public var url: String {
        "postgresql://\(user)@\(host):\(port)/\(database.addingPercentEncoding(withAllowedCharacters: Self.nameAllowed) ?? database)?sslmode=\(sslMode.rawValue)"
            + (sslRootCert.flatMap { $0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) }.map { "&sslrootcert=\($0)" } ?? "")
            + options.sorted { $0.key < $1.key }.map { "&\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? $0.value)" }.joined()
    }
}

/// The password for a server, looked up as libpq does: `PGPASSWORD`, else the first matching line
/// of the password file (`PGPASSFILE`, else `~/.pgpass`), `host:port:database:user:password`
/// with `*` matching anything and `\` escaping `:` and `\`.
public struct PasswordSource: Sendable {
    public var environment: [String: String]
    public var home: String
    /// Where a warning goes (a password file that others may read): one line on standard error.
    public var warn: @Sendable (String) -> Void

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                home: String = FileManager.default.homeDirectoryForCurrentUser.path,
                warn: @escaping @Sendable (String) -> Void = PasswordSource.warnOnce) {
        self.environment = environment
        self.home = home
        self.warn = warn
    }

    /// nil when neither gives one (the server may not ask for it).
    public func password(for location: PostgresLocation) -> String? {
        if let p = environment["PGPASSWORD"], !p.isEmpty { return p }
        let file = environment["PGPASSFILE"] ?? (home as NSString).appendingPathComponent(".pgpass")
        var info = stat()
        guard stat(file, &info) == 0 else { return nil }
        // As libpq: a password file that is no regular file, or that group or others may read, is
        // not used, with a warning (the password in it is no secret any more).
        guard info.st_mode & S_IFMT == S_IFREG else {
            warn("warning: password file \(file) is not a plain file, so it is not used")
            return nil
        }
        guard info.st_mode & (S_IRWXG | S_IRWXO) == 0 else {
            warn("warning: password file \(file) has group or world access, so it is not used (as libpq does); "
                + "permissions should be u=rw (0600) or less: chmod 600 \(file)")
            return nil
        }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let wanted = [location.host, String(location.port), location.database, location.user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.fields(line)
            guard fields.count == 5 else { continue }
            let matches = zip(fields.prefix(4), wanted).allSatisfy { field, value in
                field == "*" || field == value || (field == "localhost" && value == "127.0.0.1")
            }
            if matches { return fields[4] }
        }
        return nil
    }

    /// The colon-separated fields of one line, with `\:` and `\\` unescaped.
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for c in line {
            if escaped { current.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }

    /// Writes each warning once per process (a read opens three connections).
    public static let warnOnce: @Sendable (String) -> Void = { line in
        guard warned.insert(line) else { return }
        FileHandle.standardError.write(Data("crm-report: \(line)\n".utf8))
    }

    private static let warned = Warned()

    final class Warned: @unchecked Sendable {
        private let lock = NSLock()
        private var lines = Set<String>()
        func insert(_ line: String) -> Bool { lock.lock(); defer { lock.unlock() }; return lines.insert(line).inserted }
    }
}
