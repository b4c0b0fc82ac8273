import Foundation
import Testing

/// `crm-report archive --out output`: the archive page rebuilt alone from the published periods.
@Suite("Archive command")
struct ArchiveCommandTests {
    @Test("rebuilds output/index.html from the period folders, and names a missing folder")
    func rebuild() throws {
        let (folder, _, out) = try CLI.demoSite()
        defer { try? FileManager.default.removeItem(at: folder) }
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

    /// The archive's table row of one period (from its `<tr>` to its `</tr>`).
    static func row(_ label: String, in html: String) -> String? {
        html.components(separatedBy: "<tr>").first { $0.contains(">\(label)<") }?.components(separatedBy: "</tr>").first
    }

    @Test("a period whose report.json names another period, or a period name that is a file, is listed with a note")
    func periodsThatCannotBeShown() throws {
        let (folder, _, out) = try CLI.demoSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: out.appendingPathComponent("2026-W47"), to: out.appendingPathComponent("2026-W40"))
        try Data("not a folder".utf8).write(to: out.appendingPathComponent("2026-W30"))
        let r = try CLI.run(["archive", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(Self.row("2026-W40", in: html)?.contains("its report.json is of another period") == true, "\(html)")
        #expect(Self.row("2026-W30", in: html)?.contains("a file, not a period folder") == true, "\(html)")
        #expect(Self.row("2026-W47", in: html)?.contains("2026-W47/index.html") == true)
        #expect(html.components(separatedBy: "2026-W40/index.html").count == 2, "the mislabelled folder is still linked: its pages are there")
    }

    @Test("archive into a read-only folder is exit 2, as generate; a bad --currency is exit 2")
    func refusals() throws {
        let (folder, _, out) = try CLI.demoSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        for bad in ["<script>", "XXX", "", "usd"] {
            let r = try CLI.run(["archive", "--out", out.path, "--currency", bad])
            #expect(r.status == 2, "\(bad): \(r.stderr)")
            #expect(r.stderr == "crm-report: --currency: expected the ISO 4217 code of a currency such as RUB, USD, EUR, got '\(bad)'\n")
        }
        let root = getuid() == 0
        let locked = root ? CommandLineTests.shell("chattr", "+i", out.path) : CommandLineTests.shell("chmod", "555", out.path)
        defer { _ = root ? CommandLineTests.shell("chattr", "-i", out.path) : CommandLineTests.shell("chmod", "755", out.path) }
        #expect(locked)
        let r = try CLI.run(["archive", "--out", out.path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr == "crm-report: output folder is not writable: \(out.path)\n")
    }

    @Test("each period keeps its own currency: a USD period is shown in dollars beside a rouble one")
    func currencies() throws {
        let (folder, db, out) = try CLI.demoSite(published: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let usd = folder.appendingPathComponent("usd.yml")
        try Data("currency: USD\n".utf8).write(to: usd)
        #expect(try CLI.run(["generate", "--db", db, "--as-of", "2026-11-16", "--out", out.path, "--config", usd.path]).status == 0)
        #expect(try CLI.run(["generate", "--db", db, "--as-of", "2026-11-23", "--out", out.path]).status == 0)
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        let dollars = try #require(Self.row("2026-W46", in: html))
        let roubles = try #require(Self.row("2026-W47", in: html))
        #expect(dollars.contains("$") && !dollars.contains("₽"), "\(dollars)")
        #expect(roubles.contains("₽") && !roubles.contains("$"), "\(roubles)")
        // archive alone gives the same page.
        #expect(try CLI.run(["archive", "--out", out.path]).status == 0)
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8) == html)
    }
}
