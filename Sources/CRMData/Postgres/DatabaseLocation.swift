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

    static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    public init(user: String, host: String, port: Int = 5432, database: String, sslMode: SSLMode = .prefer,
                sslRootCert: String? = nil) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
        self.sslRootCert = sslRootCert
    }

    /// Parses the URL; each mistake is an error naming it (never echoing a password).
    public init(url text: String) throws {
        func bad(_ what: String) -> CRMError { CRMError("--db: \(what) (expected postgresql://user@host:port/dbname?sslmode=...)") }
        guard let components = URLComponents(string: text) else { throw bad("not a valid URL") }
        if components.password != nil {
            throw bad("the URL must not hold a password: set PGPASSWORD or use ~/.pgpass")
        }
        guard let host = components.host, !host.isEmpty else { throw bad("no host") }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty, !database.contains("/") else { throw bad("no database name after the host") }
        var mode = SSLMode.prefer
        var rootCert: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let m = SSLMode(rawValue: value) else {
                    throw bad("sslmode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                mode = m
            case "sslrootcert":
                guard let value = item.value, !value.isEmpty else { throw bad("sslrootcert needs the path of a PEM file") }
                guard FileManager.default.isReadableFile(atPath: value) else { throw bad("sslrootcert: cannot read '\(value)'") }
                rootCert = value
            case "application_name": continue   // always crm-report, so a DBA can find it
            default: throw bad("unknown parameter '\(item.name)'")
            }
        }
        let user = components.user ?? ProcessInfo.processInfo.environment["PGUSER"] ?? NSUserName()
        self.init(user: user.removingPercentEncoding ?? user, host: host, port: components.port ?? 5432,
                  database: database.removingPercentEncoding ?? database, sslMode: mode, sslRootCert: rootCert)
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

    /// The URL back, as `copy` and the tests pass it on.
    public var url: String {
        "postgresql://\(user)@\(host):\(port)/\(database)?sslmode=\(sslMode.rawValue)"
            + (sslRootCert.flatMap { $0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) }.map { "&sslrootcert=\($0)" } ?? "")
    }
}

/// The password for a server, looked up as libpq does: `PGPASSWORD`, else the first matching line
/// of the password file (`PGPASSFILE`, else `~/.pgpass`), `host:port:database:user:password`
/// with `*` matching anything and `\` escaping `:` and `\`.
public struct PasswordSource: Sendable {
    public var environment: [String: String]
    public var home: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                home: String = FileManager.default.homeDirectoryForCurrentUser.path) {
        self.environment = environment
        self.home = home
    }

    /// nil when neither gives one (the server may not ask for it).
    public func password(for location: PostgresLocation) -> String? {
        if let p = environment["PGPASSWORD"], !p.isEmpty { return p }
        let file = environment["PGPASSFILE"] ?? (home as NSString).appendingPathComponent(".pgpass")
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
}
