import CRMData
import DemoData
import Foundation
import Formatting
@testable import Site
import Testing
import TestSupport

/// The e-mail and PDF editions of a 300-contact demo: what mail clients and printers need, and
/// the same bytes from the same inputs. The PDF is read back with poppler-utils (`make test`
/// installs them), as a person's viewer would.
@Suite("Editions")
struct EditionsTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("report-templates").path

    /// A demo database published in `locale` as of `asOf`; returns the output folder.
    static func publish(_ locale: ReportLocale, asOf: String = "2026-11-23", db: String? = nil, out: URL? = nil,
                        siteURL: String? = nil) async throws -> URL {
        let folder = try ScratchFolder.make("crm-editions")
        let dbPath = db ?? folder.appendingPathComponent("demo.sqlite").path
        if db == nil {
            _ = try DemoGenerator.generate(path: dbPath, options: .init(contacts: 300, seed: 3, asOfDay: try #require(CivilDate.parse("2026-11-23"))))
        }
        var config = ReportConfig()
        config.db = dbPath
        config.out = (out ?? folder.appendingPathComponent("out")).path
        config.asOf = asOf
        config.locale = locale
        config.siteURL = siteURL
        _ = try await ReportRun(config: config, templates: try Templates(folder: templates)).generate()
        return URL(fileURLWithPath: config.out)
    }

    /// Runs a poppler tool on a file; a missing tool is a failure that says how to get it.
    static func poppler(_ tool: String, _ arguments: [String]) throws -> String {
        let path = ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else {
            Issue.record("\(tool) is missing: install poppler-utils (make test does)")
            return ""
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("the e-mail edition is one small file with nothing a mail client would fetch or run", arguments: ReportLocale.allCases)
    func email(_ locale: ReportLocale) async throws {
        let out = try await Self.publish(locale)
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let data = try Data(contentsOf: out.appendingPathComponent("2026-W47/email.html"))
        let html = String(decoding: data, as: UTF8.self)
        #expect(data.count < 300_000, "email.html is \(data.count) bytes")
        // The images' base64 may spell anything; the rest of the file may not.
        let text = html.replacing(/data:image\/png;base64,[A-Za-z0-9+\/=]+/, with: "data:").lowercased()
        let script = text.contains("<script"), http = text.contains("http"), sheets = text.contains("<link") || text.contains("<style")
        #expect(!script)
        #expect(!http, "no http(s) address of any kind")
        #expect(!sheets, "styles are inline")
        let sources = text.components(separatedBy: "src=\"").dropFirst()
        #expect(sources.count >= 2)
        for s in sources { #expect(s.hasPrefix("data:\""), "a relative or remote src: \(s.prefix(40))") }
        #expect(html.contains("max-width:640px"))
        let words = Words(locale)
        let titled = html.contains(words["summary.title"]) && html.contains(words["edition.changes"])
        #expect(titled)
        #expect(text.components(separatedBy: "<li style").count - 1 == 3, "three most important changes")
        let linked = text.contains("href=\"funnel.html\"") && text.contains("href=\"../index.html\"")
        #expect(linked)
    }

    @Test("with site_url the e-mail's links are absolute, so they work from a mail client")
    func emailLinksWithSiteURL() async throws {
        let out = try await Self.publish(.en, siteURL: "https://reports.example.com/crm/")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let html = try String(contentsOf: out.appendingPathComponent("2026-W47/email.html"), encoding: .utf8)
        let hrefs = html.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
        #expect(hrefs.contains("https://reports.example.com/crm/2026-W47/funnel.html"))
        #expect(hrefs.contains("https://reports.example.com/crm/2026-W47/audit-consent.html"))
        #expect(hrefs.contains("https://reports.example.com/crm/index.html"))
        #expect(hrefs.count >= 9 && hrefs.allSatisfy { $0.hasPrefix("https://reports.example.com/crm/") }, "\(hrefs)")
        // The pages themselves keep relative links: the site works wherever it is copied.
        let summary = try String(contentsOf: out.appendingPathComponent("2026-W47/index.html"), encoding: .utf8)
        #expect(summary.contains("href=\"funnel.html\"") && !summary.contains("reports.example.com"))
    }

    @Test("the PDF edition: A4 pages, summary first, every chapter, footer, DejaVu embedded", arguments: ReportLocale.allCases)
    func pdf(_ locale: ReportLocale) async throws {
        let out = try await Self.publish(locale)
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let pdf = out.appendingPathComponent("2026-W47/report.pdf").path
        let info = try Self.poppler("pdfinfo", [pdf])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages >= PDFEdition.chapters.count, "one page at least per chapter, got \(pages)")
        #expect(info.contains("595.28 x 841.89 pts (A4)"))
        #expect(info.contains("Creator:") && info.contains(Provenance.generator))
        let words = Words(locale)
        let first = try Self.poppler("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"])
        #expect(first.contains(words["summary.title"]) && first.contains("2026-W47"))
        #expect(first.contains(words["edition.changes"]) && first.contains(words["metric.revenue"]))
        #expect(first.contains(words.fill("edition.page", ["n": "1", "count": String(pages)])))
        let all = try Self.poppler("pdftotext", [pdf, "-"])
        for key in ["nav.funnel", "nav.cohorts", "nav.campaigns"] { #expect(all.contains(words[key]), "chapter \(key)") }
        #expect(all.contains(words["footer.database"]), "the provenance line in the footer")
        let fonts = try Self.poppler("pdffonts", [pdf]).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts {
            #expect(line.contains("DejaVu"), "\(line)")
            let cols = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(cols.count >= 5 && cols[cols.count - 5] == "yes", "embedded: \(line)")
        }
    }

    @Test("the same inputs give byte-identical PDF and e-mail files")
    func deterministic() async throws {
        let a = try await Self.publish(.en)
        defer { try? FileManager.default.removeItem(at: a.deletingLastPathComponent()) }
        let db = a.deletingLastPathComponent().appendingPathComponent("demo.sqlite").path
        let b = try await Self.publish(.en, db: db, out: a.deletingLastPathComponent().appendingPathComponent("again"))
        for file in ["email.html", "report.pdf"] {
            let x = try Data(contentsOf: a.appendingPathComponent("2026-W47/\(file)"))
            let y = try Data(contentsOf: b.appendingPathComponent("2026-W47/\(file)"))
            #expect(x == y, "\(file) differs between two runs")
        }
    }
}
