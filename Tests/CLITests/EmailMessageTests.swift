import Foundation
import Testing

/// email.eml read back by an independent MIME parser (Python's `email` package): the structure,
/// every cid: image present, no data: URI or dead link, the same figures in both parts, the
/// headers a mail system needs, and the same bytes from the same inputs.
@Suite("E-mail message")
struct EmailMessageTests {
    /// A 300-contact demo published as of 2026-11-23 (week 47); returns the scratch folder.
    static func publish(_ extra: [String] = [], out: String = "out", db existing: String? = nil, in folder: URL? = nil) throws -> URL {
        let folder = try folder ?? CLI.scratch()
        let db = existing ?? folder.appendingPathComponent("demo.sqlite").path
        if existing == nil {
            let demo = try CLI.run(["demo", "--db", db, "--contacts", "300", "--seed", "3", "--as-of", "2026-11-23"])
            #expect(demo.status == 0, "\(demo.stderr)")
        }
        let r = try CLI.run(["generate", "--db", db, "--as-of", "2026-11-23", "--out", folder.appendingPathComponent(out).path] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return folder
    }

    @Test("the message parses: alternative of text and related HTML, every cid: has its part, nothing dead", arguments: ["en", "ru"])
    func parses(_ locale: String) throws {
        let folder = try Self.publish(["--locale", locale])
        defer { try? FileManager.default.removeItem(at: folder) }
        let eml = folder.appendingPathComponent("out/2026-W47/email.eml")
        let size = try Data(contentsOf: eml).count
        #expect(size < 400_000, "email.eml is \(size) bytes")
        let m = try #require(try MailPath.parse(eml))

        let structure = try #require(m["structure"] as? [String: Any])
        #expect(structure["type"] as? String == "multipart/alternative")
        let parts = try #require(structure["parts"] as? [[String: Any]])
        #expect(parts.map { $0["type"] as? String } == ["text/plain", "multipart/related"])
        let related = try #require(parts[1]["parts"] as? [[String: Any]])
        #expect(related.first?["type"] as? String == "text/html")
        #expect(related.count >= 3 && related.dropFirst().allSatisfy { $0["type"] as? String == "image/png" }, "\(related)")
        #expect((m["defects"] as? [String]) == [], "the parser found defects: \(m["defects"] ?? "")")

        let referenced = try #require(m["cids_referenced"] as? [String])
        let images = try #require(m["image_parts"] as? [String: Int])
        #expect(Set(referenced) == Set(images.keys), "every cid: has its part and every part is shown")
        #expect(referenced.count == images.count, "each chart once")
        #expect(images.values.allSatisfy { $0 > 200 }, "\(images)")
        #expect(m["data_uris"] as? Int == 0)
        #expect((m["hrefs"] as? [String]) == [], "no site_url: no link at all, the pages are named in words")

        // The text part carries what the HTML shows: every figure, every delta, the three changes.
        let text = try #require(m["text"] as? String)
        let figures = try #require(m["html_figures"] as? [String])
        let deltas = try #require(m["html_deltas"] as? [String])
        let changes = try #require(m["html_changes"] as? [String])
        #expect(figures.count >= 8 && changes.count == 3)
        for f in figures + deltas + changes { #expect(text.contains(f), "the text part lacks '\(f)'") }
        #expect(text.contains("2026-W47/funnel.html"), "the pages named in plain words")

        let subject = try #require(m["subject"] as? String)
        let revenue = try #require(figures.first)
        #expect(subject.hasPrefix(locale == "en" ? "Week 47: revenue " : "Неделя 47: выручка "), "\(subject)")
        #expect(subject.contains(locale == "en" ? "vs previous" : "к прошлой неделе"), "\(subject)")
        // The headline: revenue ₽98,987 rounded to one fraction digit of thousands, and its change (−52.3%).
        #expect(locale != "en" || (revenue == "₽98,987" && subject == "Week 47: revenue ₽99K, −52.3% vs previous"), "\(revenue) \(subject)")
        #expect(m["date"] as? String == "Mon, 23 Nov 2026 00:00:00 +0000")
        let id = try #require(m["message_id"] as? String)
        #expect(id.hasPrefix("<") && id.hasSuffix(".2026-W47@crm-report.invalid>"), "\(id)")
        #expect(m["to"] is NSNull, "no email.to: send sets the To")

        // RFC 5322 on the wire: CRLF only, 7-bit, every line within 78 characters.
        #expect(m["bare_lf"] as? Int == 0 && m["bare_cr"] as? Int == 0)
        #expect(m["non_ascii_bytes"] as? Int == 0)
        #expect((m["longest_line"] as? Int ?? 999) <= 78, "longest line \(m["longest_line"] ?? "")")
    }

    @Test("with site_url every link is absolute, in both parts, and ids use its host")
    func siteURL() throws {
        let folder = try Self.publish(["--site-url", "https://reports.example.com/crm/"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let m = try #require(try MailPath.parse(folder.appendingPathComponent("out/2026-W47/email.eml")))
        let hrefs = try #require(m["hrefs"] as? [String])
        #expect(hrefs.count == 9 && hrefs.allSatisfy { $0.hasPrefix("https://reports.example.com/crm/") }, "\(hrefs)")
        #expect(hrefs.contains("https://reports.example.com/crm/2026-W47/funnel.html") && hrefs.contains("https://reports.example.com/crm/index.html"))
        let text = try #require(m["text"] as? String)
        for h in hrefs { #expect(text.contains(h)) }
        #expect((m["message_id"] as? String)?.hasSuffix("@reports.example.com>") == true)
        #expect((m["cids_referenced"] as? [String])?.allSatisfy { $0.hasSuffix("@reports.example.com") } == true)
        #expect((m["from"] as? String) == "CRM report <crm-report@reports.example.com>")
    }

    @Test("the same inputs give the same bytes; email.from and email.to from the config")
    func deterministic() throws {
        let folder = try Self.publish()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("demo.sqlite").path
        _ = try Self.publish(out: "again", db: db, in: folder)
        let a = try Data(contentsOf: folder.appendingPathComponent("out/2026-W47/email.eml"))
        let b = try Data(contentsOf: folder.appendingPathComponent("again/2026-W47/email.eml"))
        #expect(a == b)

        let config = folder.appendingPathComponent("report.yml")
        try Data("email:\n  from: Отдел аналитики <bi@example.com>\n  to: [ceo@example.com, \"Board <board@example.com>\"]\n".utf8).write(to: config)
        _ = try Self.publish(["--config", config.path], out: "configured", db: db, in: folder)
        let m = try #require(try MailPath.parse(folder.appendingPathComponent("configured/2026-W47/email.eml")))
        #expect(m["from"] as? String == "Отдел аналитики <bi@example.com>")
        #expect(m["to"] as? String == "ceo@example.com, Board <board@example.com>")

        try Data("email:\n  from: not an address\n".utf8).write(to: config)
        let bad = try CLI.run(["generate", "--db", db, "--as-of", "2026-11-23", "--config", config.path, "--out", folder.appendingPathComponent("bad").path])
        #expect(bad.status == 2 && bad.stderr.contains("email.from"), "\(bad.stderr)")
    }
}
