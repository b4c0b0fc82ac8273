import CRMData
import DemoData
import Foundation
import Formatting
import Site
import Testing

/// Every page of a 2,000-contact demo site and its e-mail edition, opened in headless Chromium
/// at 1280 and 390 px. Screenshots go to screenshots/ (beside Package.swift, ignored by git) for a
/// person to look at. Without Chromium they are skipped and BrowserPresentTests fails, naming the package.
@Suite("Browser", .serialized, .enabled(if: Chromium.binary != nil, "Chromium is not installed and apt-get could not install it"))
struct BrowserChecks {
    static let widths = [1280, 390]

    /// The demo site in `locale`, published into a fresh folder.
    static func site(_ locale: ReportLocale, db: String, out: URL) async throws -> URL {
        var config = ReportConfig()
        config.db = db
        config.out = out.path
        config.asOf = "2026-11-23"
        config.locale = locale
        let templates = try Templates(folder: Chromium.repoRoot.appendingPathComponent("report-templates").path)
        return try await ReportRun(config: config, templates: templates).generate().periodFolder
    }

    @Test("every page and the e-mail edition, at 1280 and 390 px, in English and Russian")
    func pages() async throws {
        let binary = try #require(Chromium.binary)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("crm-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let db = scratch.appendingPathComponent("demo.sqlite").path
        _ = try DemoGenerator.generate(path: db, options: .init(contacts: 2000, seed: 1, asOfDay: try #require(CivilDate.parse("2026-11-23"))))
        let shots = Chromium.repoRoot.appendingPathComponent("screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)

        let browser = try Chromium(binary: binary)
        defer { browser.quit() }
        for locale in ReportLocale.allCases {
            let out = scratch.appendingPathComponent(locale.rawValue)
            let period = try await Self.site(locale, db: db, out: out)
            // Russian: the pages whose words run longest; English: every page.
            let names = locale == .en
                ? try FileManager.default.contentsOfDirectory(atPath: period.path).filter { $0.hasSuffix(".html") }.sorted()
                : ["index.html", "email.html", "campaigns.html", "audit-consent.html"]
            var pages = names.map { period.appendingPathComponent($0) }
            if locale == .en { pages.append(out.appendingPathComponent("index.html")) }
            let check = PageCheck(browser: browser, root: out.standardizedFileURL)
            for page in pages {
                let isArchive = page.deletingLastPathComponent().standardizedFileURL.path == out.standardizedFileURL.path
                let name = "\(locale.rawValue)-\(isArchive ? "archive" : page.deletingPathExtension().lastPathComponent)"
                for width in Self.widths {
                    let summary = page.lastPathComponent == "index.html" && !isArchive
                    let pdf = summary && width == 1280 ? shots.appendingPathComponent("\(name)-print.pdf") : nil
                    let report = try check.check(page, width: width, screenshot: shots.appendingPathComponent("\(name)-\(width).png"), printTo: pdf)
                    for problem in report.problems { Issue.record("\(name) at \(width) px: \(problem)") }
                    if let printed = report.printedPages { #expect(printed >= 1 && printed <= 2, "\(name) prints on \(printed) pages") }
                    if page.lastPathComponent == "email.html" {
                        let column = try #require(report.mailColumnWidth, "the e-mail's column table")
                        #expect(column <= 640, "\(name) at \(width) px is \(column) px wide")
                    }
                }
            }
        }
    }

    @Test("the checks themselves notice a console error, a request outside the folder, an overflow and a broken link")
    func checksCatchProblems() throws {
        let binary = try #require(Chromium.binary)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-browser-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("bad.html")
        try Data("""
        <!DOCTYPE html><html><body><div style="width:3000px">wide</div><img src="missing.png" alt="">
        <img src="http://127.0.0.1:9/outside.png" alt=""><a href="nowhere.html">x</a><script>console.error("boom")</script></body></html>
        """.utf8).write(to: page)
        let browser = try Chromium(binary: binary)
        defer { browser.quit() }
        let report = try PageCheck(browser: browser, root: folder.standardizedFileURL)
            .check(page, width: 390, screenshot: folder.appendingPathComponent("bad.png"))
        let all = report.problems.joined(separator: "\n")
        for expected in ["console error", "wider than the viewport", "image did not load", "link does not resolve", "request outside the output folder"] {
            #expect(all.contains(expected), "\(expected) not reported in:\n\(all)")
        }
    }
}
