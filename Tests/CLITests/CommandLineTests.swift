import Foundation
import Testing
import TestSupport

/// The command line as users and CI jobs meet it: exit codes, one-line messages, nothing half-written.
@Suite("Command line", .serialized)
struct CommandLineTests {
    /// A small demo database shared by the tests (made once).
    static let demo: URL = {
        let folder = (try? CLI.scratch()) ?? FileManager.default.temporaryDirectory
        let db = folder.appendingPathComponent("demo.sqlite")
        _ = try? CLI.run(["demo", "--db", db.path, "--contacts", "400", "--seed", "7", "--as-of", "2026-11-23"])
        return db
    }()

    /// A bad input: exit 2, one line on standard error naming the culprit, no output folder.
    func expectBadInput(_ arguments: [String], naming culprit: String) throws {
        let folder = try CLI.scratch()
        let out = folder.appendingPathComponent("out")
        let r = try CLI.run(arguments + ["--out", out.path], in: folder)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains(culprit), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("no such database") func missingFile() throws {
        try expectBadInput(["generate", "--db", "/nonexistent/crm.sqlite"], naming: "database not found: /nonexistent/crm.sqlite")
    }

    @Test("a file that is not SQLite") func notSQLite() throws {
        let folder = try CLI.scratch()
        let file = folder.appendingPathComponent("crm.sqlite")
        try Data("id,name\n1,Anna\n".utf8).write(to: file)
        try expectBadInput(["generate", "--db", file.path], naming: "not a SQLite database: \(file.path)")
    }

    @Test("a missing required table") func missingTable() throws {
        let db = try FixtureDB(omitTables: ["orders"])
        try expectBadInput(["generate", "--db", db.path, "--as-of", "2026-11-23"], naming: "required table 'orders' is missing")
    }

    @Test("a missing required column") func missingColumn() throws {
        let db = try FixtureDB(omitColumns: ["orders.ordered_at"])
        try expectBadInput(["generate", "--db", db.path, "--as-of", "2026-11-23"], naming: "required column 'orders.ordered_at' is missing")
    }

    @Test("an unknown config key") func unknownConfigKey() throws {
        let folder = try CLI.scratch()
        let config = folder.appendingPathComponent("report.yml")
        try Data("funnel:\n  windw_weeks: 4\n".utf8).write(to: config)
        try expectBadInput(["generate", "--db", Self.demo.path, "--config", config.path], naming: "funnel.windw_weeks: unknown key")
    }

    @Test("bad option values", arguments: [
        (["--period", "fortnight"], "fortnight"),
        (["--as-of", "2026-13-01"], "--as-of"),
        (["--locale", "de"], "--locale"),
        (["--fail-on", "panic"], "panic"),
    ])
    func badOption(_ extra: [String], _ culprit: String) throws {
        try expectBadInput(["generate", "--db", Self.demo.path] + extra, naming: culprit)
    }

    @Test("an unknown command is exit 2") func unknownCommand() throws {
        let r = try CLI.run(["publish"])
        #expect(r.status == 2 && r.stderr.contains("publish"))
    }

    @Test("--help of every command reads well and exits 0", arguments: [[], ["generate"], ["check"], ["demo"], ["schema"], ["import"]])
    func help(_ command: [String]) throws {
        let r = try CLI.run(command + ["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: crm-report"))
    }

    @Test("schema prints the contract") func schema() throws {
        let r = try CLI.run(["schema"])
        #expect(r.status == 0 && r.stdout.contains("CREATE TABLE contacts (") && r.stdout.contains("CREATE TABLE acquisition_costs ("))
    }

    @Test("the demo database passes check, and the same seed gives the same bytes") func demoDeterministic() throws {
        let check = try CLI.run(["check", "--db", Self.demo.path, "--as-of", "2026-11-23"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("schema OK"))
        let again = try CLI.scratch().appendingPathComponent("again.sqlite")
        let r = try CLI.run(["demo", "--db", again.path, "--contacts", "400", "--seed", "7", "--as-of", "2026-11-23"])
        #expect(r.status == 0)
        #expect(try Data(contentsOf: again) == Data(contentsOf: Self.demo))
        let other = try CLI.scratch().appendingPathComponent("other.sqlite")
        _ = try CLI.run(["demo", "--db", other.path, "--contacts", "400", "--seed", "8", "--as-of", "2026-11-23"])
        #expect(try Data(contentsOf: other) != Data(contentsOf: Self.demo))
    }

    @Test("two runs give identical trees, and the database is left byte-identical") func deterministicOutput() throws {
        let before = try Data(contentsOf: Self.demo)
        let a = try CLI.scratch(), b = try CLI.scratch()
        let ra = try CLI.run(["generate", "--db", Self.demo.path, "--as-of", "2026-11-23", "--out", a.path])
        let rb = try CLI.run(["generate", "--db", Self.demo.path, "--as-of", "2026-11-23", "--out", b.path])
        #expect(ra.status == 0 && rb.status == 0, "\(ra.stderr)")
        let ta = try CLI.tree(a), tb = try CLI.tree(b)
        #expect(ta.keys.sorted() == tb.keys.sorted())
        for (path, data) in ta { #expect(tb[path] == data, "\(path) differs") }
        #expect(ta["/2026-W47/report.json"] != nil && ta["/index.html"] != nil && ta["/2026-W47/charts/revenue.png"] != nil)
        #expect(try Data(contentsOf: Self.demo) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: Self.demo.deletingLastPathComponent().path)
        #expect(!leftovers.contains { $0.hasSuffix("-wal") || $0.hasSuffix("-shm") })
    }

    @Test("a WAL database in a read-only folder is read without side files") func readOnlyFolder() throws {
        let folder = try CLI.scratch()
        let db = folder.appendingPathComponent("crm.sqlite")
        try FileManager.default.copyItem(at: Self.demo, to: db)
        try FixtureDB.setJournalModeWAL(path: db.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["crm.sqlite"])
        // Root ignores permission bits, so as root the folder is made immutable (chattr +i) instead.
        let root = getuid() == 0
        let locked = root ? Self.shell("chattr", "+i", folder.path) : Self.shell("chmod", "555", folder.path)
        defer { _ = root ? Self.shell("chattr", "-i", folder.path) : Self.shell("chmod", "755", folder.path) }
        #expect(locked, "could not make \(folder.path) read-only")
        #expect(access(folder.path, W_OK) != 0)
        let r = try CLI.run(["check", "--db", db.path, "--as-of", "2026-11-23"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("schema OK"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["crm.sqlite"])
    }

    static func shell(_ arguments: String...) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}
