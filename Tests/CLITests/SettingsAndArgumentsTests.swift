import Foundation
import Testing
import TestSupport

/// Issue 19, items 8 and 10: settings checked where they are given, arguments that are not
/// UTF-8, and what `check` counts.
@Suite("Settings, arguments and check's wording", .serialized)
struct SettingsAndArgumentsTests {
    @Test("stale.default_region: ZZ is exit 2 'unknown region' with libphonenumber's list")
    func unknownRegion() throws {
        let folder = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("report.yml")
        try Data("stale:\n  default_region: ZZ\n".utf8).write(to: config)
        let r = try CLI.run(["audit", "contacts", "--db", CommandLineTests.demo.path, "--config", config.path, "--as-of", "2026-11-23"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("crm-report: \(config.path): stale.default_region: unknown region 'ZZ' (libphonenumber knows AC AD AE "), "\(r.stderr)")
        #expect(r.stderr.contains(" RU ") && r.stderr.contains(" US ") && r.stderr.hasSuffix(" ZW)\n"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        try Data("stale:\n  default_region: DE\n".utf8).write(to: config)
        #expect(try CLI.run(["audit", "contacts", "--db", CommandLineTests.demo.path, "--config", config.path, "--as-of", "2026-11-23"]).status == 0)
    }

    @Test("a --db path that is not UTF-8 is exit 2 saying so, not 'not found'")
    func pathNotUTF8() throws {
        let folder = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The file exists under a name with the byte 0xFF, which no UTF-8 text holds.
        let r = try CLI.run(["-c", "cp \"$1\" \"$2/x$(printf '\\377').sqlite\" && exec \"$0\" check --db \"$2/x$(printf '\\377').sqlite\"",
                             CLI.binary.path, CommandLineTests.demo.path, folder.path], executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr == "crm-report: argument 3 is not valid UTF-8 text ('\(folder.path)/x\\xFF.sqlite'): crm-report reads paths as UTF-8; "
            + "rename the file or give a link to it with a UTF-8 name (ln -s)\n")
    }

    @Test("check says that a row with several problems is listed once per reason")
    func checkWording() throws {
        let r = try CLI.run(["check", "--db", CommandLineTests.demo.path, "--as-of", "2026-11-23"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Bad rows (left out of every metric; a row with several problems is listed once per reason, so the findings can outnumber the rows):"),
                "\(r.stdout)")
    }
}
