@testable import CRMData
import Foundation
@testable import Site
import Testing
import TestSupport

/// The throw-away PostgreSQL cluster `make test` starts (scripts/with-postgres.sh), named by
/// `CRM_TEST_PG_URL` and `CRM_TEST_PG_PASSWORD`. Without them the server tests are skipped: plain
/// `swift test` still runs everything else.
enum TestServer {
    static let environment = ProcessInfo.processInfo.environment
    static let url = environment["CRM_TEST_PG_URL"]
    static let password = environment["CRM_TEST_PG_PASSWORD"] ?? ""
    static var available: Bool { url != nil }
    /// The CA of the server's TLS certificate, when the server offers TLS.
    static let ca = environment["CRM_TEST_PG_CA"]
    static let skipped = "no PostgreSQL test server: CRM_TEST_PG_URL is unset (make test starts one)"

    /// The server with the cluster's password, as `PGPASSWORD` gives it.
    static var passwords: PasswordSource { PasswordSource(environment: ["PGPASSWORD": password], home: "/nonexistent") }

    static func location() throws -> PostgresLocation { try PostgresLocation(url: try #require(url)) }

    /// The generate path reads the password from the process environment, as a user's run would.
    static let exportPassword: Void = { setenv("PGPASSWORD", password, 1) }()

    /// A schema name no other test uses.
    static func freshSchema(_ label: String) -> String {
        "t_\(label)_\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Runs SQL through psql as the cluster's owner (DDL, grants, the tests' own setup).
    @discardableResult
    static func psql(_ sql: String, database: String = "postgres") throws -> String {
        let location = try location()
        let process = Process()
        let bin = environment["CRM_TEST_PG_BIN"].map { $0 + "/psql" } ?? "/usr/bin/psql"
        process.executableURL = URL(fileURLWithPath: FileManager.default.isExecutableFile(atPath: bin) ? bin : "/usr/bin/psql")
        process.arguments = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", location.host, "-p", String(location.port),
                             "-U", location.user, "-d", database, "-c", sql]
        process.environment = ["PGPASSWORD": password, "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CRMError("psql failed: \(String(decoding: errors, as: UTF8.self))", kind: .internalFailure)
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Copies a SQLite file into a fresh schema of the test server and returns the schema.
    static func load(_ path: String, label: String) async throws -> String {
        let schema = freshSchema(label)
        _ = try DatabaseCopy.copy(from: path, to: try location().url, schema: schema, passwords: passwords)
        return schema
    }

    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("report-templates").path

    /// report.json of one generate run, with the one line that names the source (`source.sha256`) cut out.
    static func report(db: String, schema: String = "public", asOf: String, period: String = "2026-W47") async throws -> (json: String, source: String) {
        _ = exportPassword
        var config = ReportConfig()
        config.db = db
        config.schema = schema
        config.asOf = asOf
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("crm-pg-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        config.out = out.path
        _ = try await ReportRun(config: config, templates: try Templates(folder: templates)).generate()
        let text = String(decoding: try Data(contentsOf: out.appendingPathComponent("\(period)/report.json")), as: UTF8.self)
        var kept: [Substring] = [], source = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("\"sha256\":") { source = String(line) } else { kept.append(line) }
        }
        return (kept.joined(separator: "\n"), source)
    }
}
