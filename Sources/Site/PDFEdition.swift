import Charts
import CRMData
import Foundation
import Formatting
import Reports

/// report.pdf: the print edition, A4 portrait, drawn by Cairo's PDF surface through the same
/// chart grammar as the pages (vector charts, selectable text, DejaVu embedded). Deterministic:
/// the dates in its metadata are the as-of moment, never the clock.
enum PDFEdition: Edition {
    static let file = "report.pdf"

    /// The PDF's chapters in order; each starts on a new page. The audits' verdict pages join by
    /// listing theirs here, e.g. `.section(AuditConsentSection.self, notes: "consent")`, or a
    /// chapter of their own built like `summary`.
    static let chapters: [PDFChapter] = [
        .summary,
        .section(FunnelSection.self, notes: "funnel"),
        .section(CohortsSection.self, notes: "cohorts"),
        .section(RFMSection.self, notes: "rfm"),
        .section(CampaignsSection.self, notes: "campaigns"),
        .staleAudit,
        .consentAudit,
    ]

    static func render(_ context: SectionContext, drawn: [DrawnSection], templates: Templates) throws -> SectionFiles {
        [(file, Data(pdf(context, drawn: drawn)))]
    }

    static func pdf(_ context: SectionContext, drawn: [DrawnSection], chapters: [PDFChapter] = chapters) -> [UInt8] {
        var layout = PDFLayout(measure: measuringCanvas())
        for chapter in chapters { layout.chapter(chapter.blocks(context, drawn)) }
        let words = context.words, frame = context.frame
        let count = layout.pages.count
        let footerLeft = "\(words["site.title"]) · \(context.period.label) · \(frame.periodText)"
        let metadata = PDFMetadata(
            title: "\(words["summary.title"]) · \(context.period.label) · \(words["site.title"])",
            author: Provenance.generator,
            subject: words.fill("edition.pdf_subject", ["period": context.period.label]),
            creator: Provenance.generator,
            date: isoUTC(context.results.asOf))
        return drawPDF(width: PDFLayout.pageWidth, height: PDFLayout.pageHeight, metadata: metadata, pageCount: count) { i, page in
            layout.draw(i, on: page, footerLeft: footerLeft,
                        pageNumber: words.fill("edition.page", ["n": String(i + 1), "count": String(count)]),
                        provenance: frame.footer)
        }
    }

    /// "2026-11-23T00:00:00Z" for the PDF's creation date.
    static func isoUTC(_ instant: Instant) -> String {
        let seconds = Int((Double(instant.ms) / 1000).rounded(.down))
        let day = Int((Double(seconds) / 86_400).rounded(.down)), rest = seconds - day * 86_400
        return "\(CivilDate.iso(day))T" + String(format: "%02d:%02d:%02dZ", rest / 3600, rest / 60 % 60, rest % 60)
    }
}

/// One entry of the PDF's page list: the blocks of a chapter, from the computed results and the
/// charts already drawn.
struct PDFChapter: Sendable {
    let blocks: @Sendable (SectionContext, [DrawnSection]) -> [PDFBlock]

    /// Page 1: the period, the most important changes, every summary figure with its deltas, the main chart.
    static let summary = PDFChapter { context, drawn in
        let words = context.words, format = context.format
        let page = SummaryPage(report: context.results.summary, frame: context.frame, notes: [])
        var blocks: [PDFBlock] = [.heading("\(words["summary.title"]) · \(context.period.label)"),
                                  .paragraph(context.frame.periodText, muted: true)]
        let changes = Highlights.top(context)
        blocks.append(.subheading(words["edition.changes"]))
        blocks += (changes.isEmpty ? [words["edition.no_changes"]] : changes).enumerated().map { .paragraph("\($0 + 1). \($1)", muted: false) }
        let rows: [[String]] = SummaryMetric.allCases.map { m in
            let f = context.results.summary[m]
            if let reason = f.unavailable { return [words["metric.\(m.rawValue)"], NumberFormat.missing, words.reason(reason), ""] }
            let deltas = [page.delta("", f.vsPrevious, m), page.delta("", f.vsYearAgo, m)].map { $0["text"] as? String ?? "" }
            return [words["metric.\(m.rawValue)"], format.figure(f.current, m.kind)] + deltas
        }
        blocks.append(.subheading(words["edition.figures"]))
        blocks.append(.table(headers: [words["edition.figure"], words["edition.value"], words["summary.vs_previous"], words["summary.vs_year_ago"]],
                             rows: rows))
        if let main = drawn.chartsByID["revenue"] { blocks.append(.chart(main)) }
        return blocks
    }

    /// A page of the site as a chapter: its heading, its wide charts (each with its text alternative)
    /// and, when it is short enough to read on paper, each chart's table of numbers; the section's notes
    /// (e.g. an absent table) when it drew nothing.
    static func section(_ section: any ReportSection.Type, notes: String) -> PDFChapter {
        PDFChapter { context, drawn in
            var blocks: [PDFBlock] = [.heading(context.words[section.navKey])]
            let charts = drawn.of(section)?.wideCharts ?? []
            for chart in charts {
                blocks.append(.chart(chart))
                if chart.table.rows.count <= 16, chart.table.headers.count <= 8, !chart.table.rows.isEmpty {
                    blocks.append(.table(headers: chart.table.headers, rows: chart.table.rows))
                }
            }
            let reasons = context.results.notes.filter { $0.section == notes }.map { context.words.reason($0.reason) }
            if charts.isEmpty || !reasons.isEmpty { blocks += reasons.map { .paragraph($0, muted: true) } }
            return blocks
        }
    }
}
