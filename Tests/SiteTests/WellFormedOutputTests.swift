import CRMData
import DemoData
import Formatting
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Site
import Testing
import TestSupport

/// Issue 13, item 7: control characters in the database's text never reach a page, a chart or a
/// CSV; every SVG of a generated site is well-formed XML and every report.json parses.
@Suite("Well-formed output")
struct WellFormedOutputTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("report-templates").path

    /// Control characters XML 1.0 forbids, and the ones a terminal would act on.
    static let junk = "char(0) || char(1) || char(7) || char(8) || char(13) || char(27) || '[31m' || char(127) || char(65535)"

    /// A small demo CRM whose free texts (campaign names, sources, regions, pipelines, stages,
    /// lost reasons, channels) carry NUL and other control characters.
    func dirtyDemo() throws -> (FixtureDB, String) {
        let holder = try FixtureDB()   // only for its folder, deleted when released
        let path = holder.folder.appendingPathComponent("dirty.sqlite").path
        let day = try #require(CivilDate.parse("2026-11-23"))
        try DemoGenerator.generate(path: path, options: .init(contacts: 600, seed: 5, asOfDay: day))
        let j = Self.junk
        try FixtureDB.execute(path: path, """
            UPDATE campaigns SET name = name || \(j) || ' end';
            UPDATE contacts SET source = source || \(j), region = \(j) || region;
            UPDATE acquisition_costs SET source = source || \(j);
            UPDATE deals SET lost_reason = lost_reason || \(j), channel = channel || \(j), pipeline = pipeline || char(0);
            UPDATE deal_stages SET stage = stage || char(0);
            UPDATE pipeline_stages SET pipeline = pipeline || char(0), stage = stage || char(0);
            UPDATE orders SET store = store || \(j);
            """)
        return (holder, path)
    }

    final class XMLCheck: NSObject, XMLParserDelegate, @unchecked Sendable {
        var texts: [String] = []
        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
    }

    @Test("a site made from text full of control characters has well-formed SVGs, clean pages and CSVs, and valid JSON")
    func controlCharacters() async throws {
        let (holder, path) = try dirtyDemo()
        let out = holder.folder.appendingPathComponent("out")
        var config = ReportConfig()
        config.db = path
        config.out = out.path
        config.asOf = "2026-11-23"
        _ = try await ReportRun(config: config, templates: try Templates(folder: Self.templates)).generate()
        var svgs = 0, jsons = 0, sawCampaignName = false
        let files = try #require(FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String])
        for file in files.sorted() {
            let url = out.appendingPathComponent(file)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let data = try Data(contentsOf: url)
            if file.hasSuffix(".svg") {
                svgs += 1
                let parser = XMLParser(data: data)
                let check = XMLCheck()
                parser.delegate = check
                #expect(parser.parse(), "\(file): \(parser.parserError.map { "\($0)" } ?? "")")
                if check.texts.joined().contains(" end") { sawCampaignName = true }
            }
            if file.hasSuffix("report.json") {
                jsons += 1
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(file) is not valid JSON")
                #expect(!String(decoding: data, as: UTF8.self).lowercased().contains("\\u0000"), "\(file)")
            }
            if file.hasSuffix(".svg") || file.hasSuffix(".html") || file.hasSuffix(".csv") || file.hasSuffix(".json") {
                let text = String(decoding: data, as: UTF8.self)
                let bad = text.unicodeScalars.first { ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0x7F || $0.value == 0xFFFF }
                #expect(bad == nil, "\(file) holds U+\(String(bad?.value ?? 0, radix: 16))")
            }
        }
        #expect(svgs > 20 && jsons == 1)
        #expect(sawCampaignName, "no campaign name reached a chart")
        let html = try String(contentsOf: out.appendingPathComponent("2026-W47/campaigns.html"), encoding: .utf8)
        #expect(html.contains("[31m end"))   // the visible rest of the name is kept, the controls are dropped
    }

    @Test("cleaning drops C0 controls but tab and newline, DEL and U+FFFE/U+FFFF, and keeps everything else")
    func cleaning() {
        let dirty = "a\u{0}b\tc\nd\r\u{1B}[0m\u{7F}e\u{FFFF}\u{FFFE}ё€𝄞"
        #expect(CleanText.string(dirty) == "ab\tc\nd[0meё€𝄞")
        var labels = Labels()
        let code = labels.intern("Winter\u{0}")
        #expect(labels[code] == "Winter" && labels.intern("Winter") == code)
        #expect(CleanText.string("Зимняя распродажа") == "Зимняя распродажа")
    }
}
