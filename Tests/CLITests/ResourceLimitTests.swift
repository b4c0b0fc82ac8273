import Foundation
import Testing
import TestSupport

/// Issue 19, item 7: under `ulimit -f` and `ulimit -v` a run ends in one line naming the file or
/// step, exit 3, with the last complete output kept and no partial file left (no backtrace, no SIGXFSZ).
@Suite("Resource limits", .serialized)
struct ResourceLimitTests {
    /// Runs crm-report under a shell `ulimit` (e.g. "-f 100": 100 blocks of 1024 bytes).
    static func limited(_ limit: String, _ arguments: [String]) throws -> CLI.Result {
        try CLI.run(["-c", "ulimit \(limit) && exec \"$0\" \"$@\"", CLI.binary.path] + arguments, executable: URL(fileURLWithPath: "/bin/bash"))
    }

    static func visible(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("generate under ulimit -f: 'cannot write FILE: file too large', exit 3, the last complete period kept")
    func generateFileSize() throws {
        let (folder, db, out) = try CLI.demoSite(contacts: 2000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try CLI.tree(out)
        let r = try Self.limited("-f 64", ["generate", "--db", db, "--as-of", "2026-11-23", "--out", out.path, "--locale", "ru"])
        #expect(r.status == 3, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("crm-report: publishing"), "\(r.stderr)")
        #expect(r.stderr.contains("cannot write \(out.path)/.2026-W47.partial/") && r.stderr.contains(": file too large (the file size limit, ulimit -f, is 65536 bytes)"),
                "\(r.stderr)")
        #expect(try CLI.tree(out) == before, "the English period published before is untouched")
        #expect(try Self.visible(out) == [".crm-report", "2026-W47", "index.html"])
    }

    @Test("import under ulimit -f: one line, exit 3, no database and no partial file")
    func importFileSize() throws {
        let folder = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The project's own copy of the Maven CRM dataset (Tests/Data/maven-crm).
        let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/maven-crm")
        let target = folder.appendingPathComponent("maven.sqlite")
        let r = try Self.limited("-f 100", ["import", "maven-crm", "--from", datasets.path, "--db", target.path])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr == "crm-report: cannot write \(target.path): file too large (the file size limit, ulimit -f, is 102400 bytes)\n")
        #expect(try Self.visible(folder) == [])
    }

    @Test("generate under ulimit -v: one 'out of memory' line naming the step, exit 3, no backtrace")
    func generateMemory() throws {
        let (folder, db, out) = try CLI.demoSite(contacts: 2000, published: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Self.limited("-v \(Self.memoryLimitKB)", ["generate", "--db", db, "--as-of", "2026-11-23", "--out", out.path])
        #expect(r.status == 3, "\(r.stderr)")
        // Where it runs out depends on the machine: an allocation (the handler's line), a thread's stack or SQLite's memory (thrown errors).
        // The Swift runtime may say "Fatal error: failed to allocate N bytes" first, which no handler can stop.
        var lines = r.stderr.split(separator: "\n").map(String.init)
        if lines.count == 2, lines[0].hasPrefix("Fatal error: failed to allocate ") { lines.removeFirst() }
        #expect(lines.count == 1, "\(r.stderr)")
        let line = lines.last ?? ""
        let handler = line.hasPrefix("crm-report: out of memory while ") && line.hasSuffix("(ulimit -v allows \(Self.memoryLimitKB) KB); nothing half-written was published")
        let thread = line.hasPrefix("crm-report: reading the database: out of memory: cannot start a thread (")
            && line.hasSuffix("; ulimit -v allows \(Self.memoryLimitKB) KB)")
        let sqlite = line.hasPrefix("crm-report: reading the database: cannot read table '") && line.hasSuffix("': out of memory (ulimit -v allows \(Self.memoryLimitKB) KB)")
        #expect(handler || thread || sqlite, "\(r.stderr)")
        #expect(!r.stderr.contains("Backtrace") && !r.stderr.contains("Thread 0"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("2026-W47").path))
    }

    static let memoryLimitKB = 300_000
}
