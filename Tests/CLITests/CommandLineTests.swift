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
        (["--site-url", "reports.example.com"], "--site-url"),
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

    @Test("schema prints the contract: the project's copy in docs/contract/crm-schema.sql, exactly") func schema() throws {
        let r = try CLI.run(["schema"])
        #expect(r.status == 0 && r.stdout.contains("CREATE TABLE contacts (") && r.stdout.contains("CREATE TABLE acquisition_costs ("))
        let copy = CLI.repoRoot.appendingPathComponent("docs/contract/crm-schema.sql")
        let text = try String(contentsOf: copy, encoding: .utf8)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == text.trimmingCharacters(in: .whitespacesAndNewlines))
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

/// Issue 13: inputs a hostile but fair user tries. Each is a clean exit 2 with one line naming the problem.
@Suite("Hardening: hostile inputs", .serialized)
struct HostileInputTests {
    func expectBadInput(_ arguments: [String], naming culprit: String, timeout: Double = 120) throws {
        let folder = try CLI.scratch()
        let out = folder.appendingPathComponent("out")
        let r = try CLI.run(arguments + ["--out", out.path], in: folder, timeout: timeout)
        #expect(r.status == 2, "\(arguments): status \(r.status): \(r.stderr)")
        #expect(r.stderr.contains(culprit), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("a folder as --db is exit 2 for generate and check, not a crash (item 1)")
    func folderAsDatabase() throws {
        let folder = try CLI.scratch()
        try expectBadInput(["generate", "--db", folder.path, "--as-of", "2026-11-23"], naming: "database path is a folder, not a regular file: \(folder.path)")
        let r = try CLI.run(["check", "--db", folder.path + "/", "--as-of", "2026-11-23"])
        #expect(r.status == 2 && r.stderr == "crm-report: database path is a folder, not a regular file: \(folder.path)/\n", "\(r.stderr)")
    }

    @Test("a FIFO or a device as --db is exit 2 naming what it is, at once (item 2)")
    func specialFileAsDatabase() throws {
        let folder = try CLI.scratch()
        let fifo = folder.appendingPathComponent("crm.sqlite").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let started = Date()
        try expectBadInput(["generate", "--db", fifo, "--as-of", "2026-11-23"], naming: "database path is a FIFO (named pipe), not a regular file: \(fifo)", timeout: 20)
        let check = try CLI.run(["check", "--db", fifo], timeout: 20)
        #expect(check.status == 2 && check.stderr.contains("a FIFO (named pipe)"), "\(check.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
        try expectBadInput(["generate", "--db", "/dev/zero"], naming: "database path is a character device, not a regular file: /dev/zero", timeout: 20)
    }

    @Test("a folder or a device as --config is exit 2")
    func specialConfig() throws {
        let folder = try CLI.scratch()
        try expectBadInput(["generate", "--db", CommandLineTests.demo.path, "--config", folder.path], naming: "config file")
        try expectBadInput(["generate", "--db", CommandLineTests.demo.path, "--config", "/dev/zero"], naming: "config file", timeout: 20)
    }
}

/// Issue 13, item 3: never read less than the database holds; never leave -wal/-shm files behind.
@Suite("Hardening: WAL databases", .serialized)
struct WALTests {
    /// The demo database in WAL mode, in a fresh folder, with `extra` orders committed to its -wal
    /// by a writer that stays open (so nothing is checkpointed). Returns the folder, the db and the writer.
    func walDatabase(extra: Int) throws -> (URL, URL, FixtureDB.WALWriter) {
        let folder = try CLI.scratch()
        let db = folder.appendingPathComponent("crm.sqlite")
        try FileManager.default.copyItem(at: CommandLineTests.demo, to: db)
        try FixtureDB.setJournalModeWAL(path: db.path)
        let writer = try FixtureDB.WALWriter(path: db.path)
        for k in 0..<extra {
            try writer.execute("INSERT INTO orders (id, contact_id, ordered_at, amount, status) VALUES (\(900_000 + k), 1, '2026-11-17 12:00', 10, 'completed')")
        }
        return (folder, db, writer)
    }

    func orderRows(_ stdout: String) -> Int? {
        guard let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix("  orders ") }) else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    /// Copies the database's files into a new folder and makes it read-only (chattr +i as root).
    func readOnlyCopy(_ db: URL, files: [String]) throws -> (URL, () -> Void) {
        let folder = try CLI.scratch()
        for suffix in files {
            try FileManager.default.copyItem(atPath: db.path + suffix, toPath: folder.appendingPathComponent("crm.sqlite" + suffix).path)
        }
        let root = getuid() == 0
        let locked = root ? CommandLineTests.shell("chattr", "+i", folder.path) : CommandLineTests.shell("chmod", "555", folder.path)
        #expect(locked && access(folder.path, W_OK) != 0, "could not make \(folder.path) read-only")
        return (folder, { _ = root ? CommandLineTests.shell("chattr", "-i", folder.path) : CommandLineTests.shell("chmod", "755", folder.path) })
    }

    @Test("rows in the -wal of a database in a read-only folder are read")
    func walInReadOnlyFolder() throws {
        let (_, db, writer) = try walDatabase(extra: 10)
        let base = try #require(orderRows(try CLI.run(["check", "--db", CommandLineTests.demo.path, "--as-of", "2026-11-23"]).stdout))
        let (ro, unlock) = try readOnlyCopy(db, files: ["", "-wal", "-shm"])
        defer { unlock() }
        let r = try CLI.run(["check", "--db", ro.appendingPathComponent("crm.sqlite").path, "--as-of", "2026-11-23"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(orderRows(r.stdout) == base + 10, "\(r.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: ro.path).sorted() == ["crm.sqlite", "crm.sqlite-shm", "crm.sqlite-wal"])
        _ = writer
    }

    @Test("a -wal that cannot be read in a read-only folder (no -shm) is exit 2 saying how to fix it")
    func walWithoutShmInReadOnlyFolder() throws {
        let (_, db, writer) = try walDatabase(extra: 3)
        let (ro, unlock) = try readOnlyCopy(db, files: ["", "-wal"])
        defer { unlock() }
        let path = ro.appendingPathComponent("crm.sqlite").path
        let r = try CLI.run(["check", "--db", path, "--as-of", "2026-11-23"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("crm-report: database \(path) has changes not yet checkpointed"), "\(r.stderr)")
        #expect(r.stderr.contains("PRAGMA wal_checkpoint(TRUNCATE)"))
        #expect(r.stderr.split(separator: "\n").count == 1)
        _ = writer
    }

    @Test("a WAL database without a -wal in a writable folder is read with no -wal/-shm left behind")
    func walWithoutSideFilesInWritableFolder() throws {
        let folder = try CLI.scratch()
        let db = folder.appendingPathComponent("crm.sqlite")
        try FileManager.default.copyItem(at: CommandLineTests.demo, to: db)
        try FixtureDB.setJournalModeWAL(path: db.path)
        let before = try Data(contentsOf: db)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["crm.sqlite"])
        let out = try CLI.scratch().appendingPathComponent("out")
        let r = try CLI.run(["generate", "--db", db.path, "--as-of", "2026-11-23", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["crm.sqlite"])
        #expect(try Data(contentsOf: db) == before)
    }

    @Test("rows in the -wal of a database in a writable folder are read")
    func walInWritableFolder() throws {
        let (_, db, writer) = try walDatabase(extra: 4)
        let base = try #require(orderRows(try CLI.run(["check", "--db", CommandLineTests.demo.path, "--as-of", "2026-11-23"]).stdout))
        let r = try CLI.run(["check", "--db", db.path, "--as-of", "2026-11-23"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(orderRows(r.stdout) == base + 4)
        _ = writer
    }
}

/// Issue 13, item 9: `demo --db PATH` never destroys what is there.
@Suite("Hardening: demo never destroys", .serialized)
struct DemoOverwriteTests {
    let args = ["--contacts", "50", "--seed", "3", "--as-of", "2026-11-23"]

    @Test("an existing folder is refused, with or without --force, and left whole")
    func folder() throws {
        let folder = try CLI.scratch()
        let target = folder.appendingPathComponent("crm.sqlite")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: target.appendingPathComponent("precious.txt"))
        for force in [[], ["--force"]] {
            let r = try CLI.run(["demo", "--db", target.path] + args + force)
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stderr == "crm-report: demo: \(target.path) is a folder, not a file; it is left as it is\n")
            #expect(try Data(contentsOf: target.appendingPathComponent("precious.txt")) == Data("keep me".utf8))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["crm.sqlite"])
    }

    @Test("an existing file is refused unless --force, which replaces it")
    func file() throws {
        let folder = try CLI.scratch()
        let target = folder.appendingPathComponent("crm.sqlite")
        try Data("not mine to overwrite".utf8).write(to: target)
        let r = try CLI.run(["demo", "--db", target.path] + args)
        #expect(r.status == 2 && r.stderr == "crm-report: demo: \(target.path) already exists; pass --force to replace it\n", "\(r.stderr)")
        #expect(try Data(contentsOf: target) == Data("not mine to overwrite".utf8))
        let forced = try CLI.run(["demo", "--db", target.path] + args + ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: target).prefix(16) == Data("SQLite format 3\0".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["crm.sqlite"])
    }

    @Test("import never deletes a folder at --db either")
    func importFolder() throws {
        let folder = try CLI.scratch()
        let target = folder.appendingPathComponent("out.sqlite")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inner"), withIntermediateDirectories: true)
        let r = try CLI.run(["import", "hillstrom", "--from", folder.path, "--db", target.path])
        #expect(r.status == 2 && r.stderr == "crm-report: import: \(target.path) is a folder, not a file; it is left as it is\n", "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("inner").path))
    }

    @Test("a folder in the way of the temporary file is left whole")
    func partialFolder() throws {
        let folder = try CLI.scratch()
        let target = folder.appendingPathComponent("crm.sqlite")
        let partial = folder.appendingPathComponent("crm.sqlite.partial")
        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: partial.appendingPathComponent("x"))
        let r = try CLI.run(["demo", "--db", target.path] + args)
        #expect(r.status == 2 && r.stderr.contains("is in the way (a folder)"), "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: partial.appendingPathComponent("x").path))
    }
}

/// Issue 13, item 10: the output folder must be writable and crm-report's own (or empty, or new).
@Suite("Hardening: output folder", .serialized)
struct OutputFolderTests {
    func generate(_ out: URL) throws -> CLI.Result {
        try CLI.run(["generate", "--db", CommandLineTests.demo.path, "--as-of", "2026-11-23", "--out", out.path])
    }

    @Test("an unwritable --out is exit 2 with one line, and nothing is written")
    func unwritable() throws {
        let out = try CLI.scratch()
        let root = getuid() == 0
        #expect(root ? CommandLineTests.shell("chattr", "+i", out.path) : CommandLineTests.shell("chmod", "555", out.path))
        defer { _ = root ? CommandLineTests.shell("chattr", "-i", out.path) : CommandLineTests.shell("chmod", "755", out.path) }
        let r = try generate(out)
        #expect(r.status == 2, "\(r.status) \(r.stderr)")
        #expect(r.stderr == "crm-report: output folder is not writable: \(out.path)\n", "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
        let inside = try generate(out.appendingPathComponent("site"))
        #expect(inside.status == 2 && inside.stderr.contains("cannot be created: \(out.path) is not writable"), "\(inside.stderr)")
    }

    @Test("a folder holding files crm-report did not write is refused and left untouched")
    func foreign() throws {
        let out = try CLI.scratch()
        try Data("<html>my own page</html>".utf8).write(to: out.appendingPathComponent("index.html"))
        let r = try generate(out)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("crm-report: output folder \(out.path) holds files crm-report did not write (index.html)"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["index.html"])
        #expect(try Data(contentsOf: out.appendingPathComponent("index.html")) == Data("<html>my own page</html>".utf8))
        let file = out.appendingPathComponent("index.html")
        let onFile = try generate(file)
        #expect(onFile.status == 2 && onFile.stderr == "crm-report: output path is not a folder: \(file.path)\n", "\(onFile.stderr)")
    }

    @Test("an empty or new folder is published into and marked; a marked one, with other files, is accepted again")
    func ownFolder() throws {
        let out = try CLI.scratch()
        #expect(try generate(out).status == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(".crm-report").path))
        try Data("notes".utf8).write(to: out.appendingPathComponent("README.txt"))   // the user's, beside ours
        let again = try generate(out)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("README.txt"), encoding: .utf8) == "notes")
        let hidden = try CLI.scratch()
        try Data().write(to: hidden.appendingPathComponent(".gitkeep"))   // as the checkout's output/ holds
        #expect(try generate(hidden).status == 0)
        let fresh = try CLI.scratch().appendingPathComponent("new/site")
        #expect(try generate(fresh).status == 0)
        #expect(FileManager.default.fileExists(atPath: fresh.appendingPathComponent(".crm-report").path))
    }

    @Test("the output of a version before the manifest is accepted, and marked")
    func earlierVersion() throws {
        let out = try CLI.scratch()
        #expect(try generate(out).status == 0)
        try FileManager.default.removeItem(at: out.appendingPathComponent(".crm-report"))
        let r = try generate(out)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(".crm-report").path))
        // ...but not once something else sits beside it.
        try FileManager.default.removeItem(at: out.appendingPathComponent(".crm-report"))
        try Data("x".utf8).write(to: out.appendingPathComponent("photo.jpg"))
        #expect(try generate(out).status == 2)
    }
}
