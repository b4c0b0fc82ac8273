import Foundation
import Testing

/// `crm-report archive --out output`: the archive page rebuilt alone from the published periods.
@Suite("Archive command")
struct ArchiveCommandTests {
    @Test("rebuilds output/index.html from the period folders, and names a missing folder")
    func rebuild() throws {
        let folder = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("demo.sqlite").path
        let out = folder.appendingPathComponent("out")
        #expect(try CLI.run(["demo", "--db", db, "--contacts", "200", "--as-of", "2026-11-23"]).status == 0)
        #expect(try CLI.run(["generate", "--db", db, "--as-of", "2026-11-23", "--out", out.path]).status == 0)
        let index = out.appendingPathComponent("index.html")
        let published = try Data(contentsOf: index)
        try FileManager.default.removeItem(at: index)

        let r = try CLI.run(["archive", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Data(contentsOf: index) == published, "the same page as generate wrote")

        let missing = try CLI.run(["archive", "--out", folder.appendingPathComponent("nowhere").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such folder"), "\(missing.stderr)")
    }
}
