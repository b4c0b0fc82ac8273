import Charts
import Foundation
import Formatting
import Reports

/// email.html: the period in one self-contained file a CI job can send as the body of a mail.
/// Only what mail clients render: table layout, inline styles (in the template), the charts as
/// the PNGs the draw step already made, as `data:` URIs; no script, no stylesheet, no external file.
/// `EmailMessage` makes the same edition into email.eml, the message to send.
enum EmailEdition: Edition {
    static let file = "email.html"

    static func render(_ context: SectionContext, drawn: [DrawnSection], templates: Templates) throws -> SectionFiles {
        [(file, Data(try templates.render("email", viewModel(context, charts: drawn.chartsByID)).utf8))]
    }

    /// The view model of both the browser file and the message (`EmailMessage`): the same figures,
    /// sentences and charts; only how images and links are addressed differs (`references`).
    static func viewModel(_ context: SectionContext, charts: [String: RenderedChart],
                          references: EmailReferences = .browser) -> [String: Any] {
        let words = context.words, frame = context.frame
        let summary = SummaryPage(report: context.results.summary, frame: frame, notes: [])
        let available = SummaryMetric.allCases.filter { context.results.summary[$0].unavailable == nil }
        let missing = SummaryMetric.allCases.filter { context.results.summary[$0].unavailable != nil }
        let figures: [[String: Any]] = available.map { m in
            let f = context.results.summary[m]
            var row: [String: Any] = [
                "label": words["metric.\(m.rawValue)"], "value": context.format.figure(f.current, m.kind),
                "deltas": [summary.delta(words["summary.vs_previous"], f.vsPrevious, m),
                           summary.delta(words["summary.vs_year_ago"], f.vsYearAgo, m)].map(colored),
            ]
            if let spark = charts["spark-\(m.rawValue)"] { row["spark"] = image(spark, references) }
            return row
        }
        let changes = Highlights.top(context)
        // A mail client has no folder to resolve relative links against: with `site_url` they are absolute.
        // Without it the browser file keeps relative links (it sits in the period folder) and the
        // message names the pages in words instead: a relative link in a mailbox leads nowhere.
        let base = context.config.siteURL
        let period = context.period.label
        let linked = base != nil || references.relativeLinks
        let links: [[String: Any]] = frame.pages.map {
            ["href": (base.map { "\($0)\(period)/" } ?? "") + $0.file, "label": words[$0.key], "linked": linked, "where": "\(period)/\($0.file)"]
        } + [["href": base.map { "\($0)index.html" } ?? frame.archiveHref, "label": words["nav.archive"], "linked": linked, "where": "index.html"]]
        var model: [String: Any] = [
            "lang": words["lang"], "site_title": words["site.title"], "period_text": frame.periodText,
            "title": "\(words["summary.title"]) · \(context.period.label)", "heading": words["summary.title"],
            "intro": words.fill(linked ? "edition.email_intro" : "edition.email_intro_unlinked", ["period": period]),
            "changes_title": words["edition.changes"],
            "changes": (changes.isEmpty ? [words["edition.no_changes"]] : changes).enumerated().map { ["n": $0.offset + 1, "text": $0.element] },
            "figures_title": words["edition.figures"], "figures": figures,
            "unavailable": missing.isEmpty ? "" : words.fill("edition.unavailable", [
                "list": missing.map { words["metric.\($0.rawValue)"] }.joined(separator: ", "),
            ]),
            // The phone-sized drawing: its labels stay legible at a phone's width, and the
            // 2x PNG stays sharp up to the e-mail's 640 px.
            "main_chart": (charts["revenue-narrow"] ?? charts["revenue"]).map { image($0, references) } ?? [:],
            "links_title": words["edition.full_report"], "links": links,
            "footer": frame.footer,
        ]
        // Only in the message without site_url (an empty text would still open the section).
        if !linked { model["links_note"] = words.fill("edition.pages_where", ["period": period]) }
        return model
    }

    /// A chart as an <img>: its 2x PNG, shown at its CSS pixel size.
    static func image(_ chart: RenderedChart, _ references: EmailReferences) -> [String: Any] {
        ["src": references.image(chart), "alt": chart.altText, "width": chart.width, "height": chart.height]
    }

    /// Mail clients drop stylesheets: the delta's tone becomes an inline colour.
    static func colored(_ delta: [String: Any]) -> [String: Any] {
        var d = delta
        switch delta["tone"] as? String {
        case "good": d["color"] = "#0b7a4b"
        case "bad": d["color"] = "#b3261e"
        default: d["color"] = "#5b6474"
        }
        return d
    }
}

/// How the e-mail edition addresses its images and links: the browser file and the message
/// differ only in these.
struct EmailReferences: Sendable {
    /// The `src` of a chart's image.
    let image: @Sendable (RenderedChart) -> String
    /// Without `site_url`: relative links (the browser file, opened from the period folder), or
    /// none, the pages named in words (the message, where a relative link leads nowhere).
    let relativeLinks: Bool

    /// email.html: the PNGs as `data:` URIs.
    static let browser = EmailReferences(image: { "data:image/png;base64,\(Data($0.png).base64EncodedString())" }, relativeLinks: true)
}
