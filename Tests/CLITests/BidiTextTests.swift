import Foundation
import Testing
import TestSupport
@testable import Formatting

/// Issue 19, item 9: bidi controls in CRM text (U+202E in a source or a campaign name) cannot
/// reorder what a page, a CSV or the terminal shows beside them.
@Suite("Bidi controls in CRM text", .serialized)
struct BidiTextTests {
    static let controls: [Unicode.Scalar] = ["\u{061C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
                                             "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]

    @Test("stripped drops exactly the controls; isolated wraps text that had them or holds right-to-left letters")
    func functions() {
        #expect(BidiText.stripped("ads\u{202E}lave\u{202C} 42") == "adslave 42")
        #expect(BidiText.stripped("Ёлка — \u{200F}x") == "Ёлка — x")
        #expect(BidiText.stripped("Иван Petrov") == "Иван Petrov")
        #expect(BidiText.isolated("Иван Petrov") == "Иван Petrov")
        #expect(BidiText.isolated("\u{2069}\u{202E}evil") == "\u{2068}evil\u{2069}")
        #expect(BidiText.isolated("שלום 12") == "\u{2068}שלום 12\u{2069}")
        #expect(BidiText.isolated("مرحبا") == "\u{2068}مرحبا\u{2069}")
    }

    static func scalars(_ data: Data) -> [Unicode.Scalar] { Array(String(decoding: data, as: UTF8.self).unicodeScalars) }

    @Test("generate and audit: no page, CSV or terminal line carries a control; pages isolate the text instead")
    func endToEnd() throws {
        let folder = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("demo.sqlite")
        #expect(try CLI.run(["demo", "--db", db.path, "--contacts", "300", "--as-of", "2026-11-23"]).status == 0)
        // char(8238) is U+202E RIGHT-TO-LEFT OVERRIDE, char(8297) U+2069, char(8207) U+200F.
        try FixtureDB.execute(path: db.path, """
            UPDATE contacts SET source = 'ads' || char(8297) || char(8238) || 'evil', full_name = char(8238) || 'Anna' WHERE id % 3 = 0;
            UPDATE campaigns SET name = char(8238) || name || char(8207);
            """)
        let out = folder.appendingPathComponent("out")
        let r = try CLI.run(["generate", "--db", db.path, "--as-of", "2026-11-23", "--out", out.path, "--show-pii"])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try CLI.tree(out)
        var isolatedEvil = 0
        for (path, data) in files where path.hasSuffix(".html") || path.hasSuffix(".csv") {
            let s = Self.scalars(data)
            if path.hasSuffix(".csv") {
                #expect(!s.contains(where: Self.controls.contains), "\(path) carries a bidi control")
                continue
            }
            // Pages: only the isolates crm-report adds, FSI ... PDI, each pair balanced.
            #expect(!s.contains(where: { Self.controls.contains($0) && $0 != "\u{2068}" && $0 != "\u{2069}" }), "\(path)")
            #expect(s.filter { $0 == "\u{2068}" }.count == s.filter { $0 == "\u{2069}" }.count, "\(path)")
            isolatedEvil += String(decoding: data, as: UTF8.self).components(separatedBy: "\u{2068}adsevil\u{2069}").count - 1
        }
        #expect(isolatedEvil > 0, "the source appears isolated on some page")
        let csv = try #require(files.first { $0.key.hasSuffix("stale-contacts.csv") }?.value)
        #expect(String(decoding: csv, as: UTF8.self).contains(",adsevil"))

        let text = try CLI.run(["audit", "contacts", "--db", db.path, "--as-of", "2026-11-23"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(!text.stdout.unicodeScalars.contains(where: Self.controls.contains), "\(text.stdout)")
    }
}
