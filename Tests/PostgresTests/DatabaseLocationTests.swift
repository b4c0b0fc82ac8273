@testable import CRMData
import Foundation
import Testing
import TestSupport

/// `--db` as a SQLite path or a PostgreSQL URL, and where the password comes from (no server needed).
@Suite("Database locations and passwords")
struct DatabaseLocationTests {
    @Test("a postgresql:// URL names user, host, port, database and sslmode; a path is a SQLite file")
    func parses() throws {
        let l = try PostgresLocation(url: "postgresql://crm@db.example.com:6543/sales?sslmode=require")
        #expect(l == PostgresLocation(user: "crm", host: "db.example.com", port: 6543, database: "sales", sslMode: .require))
        #expect(l.description == "crm@db.example.com:6543/sales")
        let d = try PostgresLocation(url: "postgres://u@localhost/crm")
        #expect(d.port == 5432 && d.sslMode == .prefer)
        #expect(try DatabaseLocation("crm.sqlite") == .sqlite(path: "crm.sqlite"))
        #expect(DatabaseLocation.isPostgres("POSTGRESQL://u@h/d") && !DatabaseLocation.isPostgres("/tmp/postgresql.sqlite"))
        // sslrootcert, as libpq spells it: a readable PEM file, kept through `url` (which copy and the tests pass on).
        let pem = try ScratchFolder.make("crm-pem").appendingPathComponent("root.crt")
        try Data("-----BEGIN CERTIFICATE-----\n".utf8).write(to: pem)
        let v = try PostgresLocation(url: "postgresql://crm@db/sales?sslmode=verify-full&sslrootcert=\(pem.path)")
        #expect(v.sslMode == .verifyFull)
        #expect(v.sslRootCert == pem.path && v.trustRoots == pem.path)
        #expect(try PostgresLocation(url: v.url) == v)
        #expect(d.sslRootCert == nil)
    }

    @Test("a password in the URL, no database, an unknown parameter: errors that never echo the password")
    func rejects() {
        for (url, words) in [("postgresql://u:secret@h/db", "must not hold a password"), ("postgresql://u@h", "no database"),
                             ("postgresql://u@h/db?sslmode=maybe", "sslmode must be one of"), ("postgresql://u@h/db?timeout=1", "unknown parameter 'timeout'"),
                             ("postgresql://u@h/db?sslmode=verify-full&sslrootcert=/nonexistent/root.crt", "sslrootcert: cannot read '/nonexistent/root.crt'")] {
            do {
                _ = try PostgresLocation(url: url)
                Issue.record("\(url) was accepted")
            } catch let e as CRMError {
                #expect(e.kind == .badInput && e.message.contains(words) && !e.message.contains("secret"))
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test("port 99999, a '/' in the database name, a repeated parameter: one clear line each (issue 19, item 8)")
    func unclearURLs() throws {
        for (url, words) in [("postgresql://u@h:99999/db", "port 99999 is out of range: a TCP port is a number from 1 to 65535"),
                             ("postgresql://u@h/cr/m", "the database name 'cr/m' holds a '/'"),
                             ("postgresql://u@h/db?sslmode=require&sslmode=disable", "parameter 'sslmode' is given twice"),
                             ("postgresql://u@h/db?connect_timeout=5&connect_timeout=6", "parameter 'connect_timeout' is given twice"),
                             ("postgresql://u@h/db?keepalives_idle=soon", "keepalives_idle must be a whole number from 0 to 86400")] {
            do {
                _ = try PostgresLocation(url: url)
                Issue.record("\(url) was accepted")
            } catch let e as CRMError {
                #expect(e.kind == .badInput && e.message.contains(words), "\(e.message)")
            }
        }
        // %2F is a '/' inside the name (PostgreSQL allows one), kept through `url`.
        let slash = try PostgresLocation(url: "postgresql://u@h/cr%2Fm")
        #expect(slash.database == "cr/m" && slash.url == "postgresql://u@h:5432/cr%2Fm?sslmode=prefer")
        #expect(try PostgresLocation(url: slash.url) == slash)
    }

    @Test("libpq's timeout and keepalive parameters pass through the URL to libpq; connect_timeout defaults to 15 s")
    func passedOn() throws {
        let l = try PostgresLocation(url: "postgresql://u@h/db?connect_timeout=3&keepalives_idle=20&sslmode=disable")
        #expect(l.connectTimeout == 3 && l.options == ["connect_timeout": "3", "keepalives_idle": "20"])
        #expect(try PostgresLocation(url: l.url) == l)
        let keys = Dictionary(LibpqConnection.parameters(l, password: nil, purpose: .read), uniquingKeysWith: { _, last in last })
        #expect(keys["keepalives_idle"] == "20" && keys["keepalives"] == "1" && keys["keepalives_count"] == "3")
        #expect(keys["options"]?.contains("-c statement_timeout=300000") == true)
        #expect(try PostgresLocation(url: "postgresql://u@h/db").connectTimeout == 15)
    }

    @Test("a password file group or others may read is not used, with one warning line, as libpq does (issue 19, item 8)")
    func openPasswordFile() throws {
        let home = try ScratchFolder.make("crm-pgpass-open")
        let file = home.appendingPathComponent(".pgpass")
        try "*:*:*:*:secret\n".write(to: file, atomically: true, encoding: .utf8)
        let l = PostgresLocation(user: "u", host: "h", database: "crm")
        let warnings = Lines()
        for (mode, password, warned) in [(0o644, nil, 1), (0o640, nil, 1), (0o600, "secret", 0), (0o400, "secret", 0)] as [(Int, String?, Int)] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
            let before = warnings.all.count
            #expect(PasswordSource(environment: [:], home: home.path, warn: { warnings.add($0) }).password(for: l) == password, "\(String(mode, radix: 8))")
            #expect(warnings.all.count - before == warned)
        }
        #expect(warnings.all.first == "warning: password file \(file.path) has group or world access, so it is not used (as libpq does); "
            + "permissions should be u=rw (0600) or less: chmod 600 \(file.path)")
        #expect(!warnings.all.joined().contains("secret"))
    }

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.lock(); defer { lock.unlock() }; lines.append(line) }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    @Test("PGPASSWORD first, then the first matching ~/.pgpass line, with * and escaped colons")
    func passwords() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("crm-pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try "h:5432:other:u:no\n*:5432:crm:u:pa\\:ss\n*:*:*:*:fallback\n".write(to: home.appendingPathComponent(".pgpass"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: home.appendingPathComponent(".pgpass").path)
        let l = PostgresLocation(user: "u", host: "h", database: "crm")
        #expect(PasswordSource(environment: [:], home: home.path).password(for: l) == "pa:ss")
        #expect(PasswordSource(environment: [:], home: home.path).password(for: PostgresLocation(user: "v", host: "x", database: "y")) == "fallback")
        #expect(PasswordSource(environment: ["PGPASSWORD": "env"], home: home.path).password(for: l) == "env")
        #expect(PasswordSource(environment: [:], home: "/nonexistent").password(for: l) == nil)
    }
}

/// Numbers in text cells follow SQLite's rules for the same text (no server needed).
@Suite("PostgreSQL text cells as numbers")
struct PostgresTextTests {
    static func integer(_ s: String) -> Int64?? {
        var copy = s
        return copy.withUTF8 { b in
            switch PostgresText.integer(b) {
            case .value(let v): return .some(v)
            case .null: return .some(nil)
            case .invalid: return nil
            }
        }
    }

    @Test("integers: digits with a sign, spaces trimmed, whole fractions; else invalid; blank is NULL")
    func integers() {
        #expect(Self.integer("42") == .some(42) && Self.integer("-7") == .some(-7) && Self.integer(" 12 ") == .some(12))
        #expect(Self.integer("4.0") == .some(4) && Self.integer("1e3") == .some(1000))
        #expect(Self.integer("4.5") == nil && Self.integer("two") == nil && Self.integer("99999999999999999999") == nil)
        #expect(Self.integer("   ") == .some(nil))
    }

    @Test("text longer than TextBounds.number (100 bytes) is no number, as from SQLite; up to it, spaces are trimmed")
    func bounded() {
        let padded = "7" + String(repeating: " ", count: 99)   // 100 bytes
        #expect(Self.integer(padded) == .some(7) && Self.integer(padded + " ") == nil)
        #expect(Self.integer("1." + String(repeating: "0", count: 1_000_000)) == nil)
        func real(_ s: String) -> Number<Double> { var copy = s; return copy.withUTF8 { PostgresText.real($0) } }
        if case .value(let v) = real("0.5" + String(repeating: " ", count: 97)) { #expect(v == 0.5) } else { Issue.record("100 bytes is a number") }
        if case .invalid = real("0." + String(repeating: "5", count: 1_000_000)) {} else { Issue.record("a megabyte of digits is no number") }
    }

    @Test("reals: finite decimals; NaN and Infinity are invalid")
    func reals() {
        func real(_ s: String) -> Double? {
            var copy = s
            return copy.withUTF8 { if case .value(let v) = PostgresText.real($0) { return v } else { return nil } }
        }
        #expect(real("12.50") == 12.5 && real(" 0.1 ") == 0.1 && real("-3") == -3)
        #expect(real("NaN") == nil && real("Infinity") == nil && real("abc") == nil)
    }
}

@Suite("The schema setting")
struct SchemaSettingTests {
    @Test("the config's db: takes a URL and schema: names the PostgreSQL schema (default public)")
    func configKeys() throws {
        var c = ReportConfig()
        #expect(c.schema == "public")
        try ConfigFile.apply(yaml: "db: postgresql://report@db.example.com/crm\nschema: crm_export\n", to: &c)
        #expect(c.db == "postgresql://report@db.example.com/crm" && c.schema == "crm_export")
        #expect(!c.canonicalText.contains("crm_export"))   // where the data lives is not part of the config's hash, as db: is not
    }
}
