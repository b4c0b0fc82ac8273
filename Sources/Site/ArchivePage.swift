import Charts
import CRMData
import Foundation
import Formatting
import Reports

/// output/index.html: every period published so far, newest first, with the latest summary.
/// Built from the report.json files in the output folder, so it lists runs of any locale or period kind.
public struct ArchivePage {
    let outputRoot: URL
    let words: Words
    let format: NumberFormat

    /// Rebuilds output/index.html alone from the published periods: the publish step of
    /// `generate` and `crm-report archive`. Each period's figures are in the currency its
    /// report.json names (a USD period stays in dollars beside rouble ones); `currency` is for
    /// the page when no period is readable.
    public static func rebuild(outputRoot: URL, locale: ReportLocale, currency: String?, templates: Templates) throws {
        let page = ArchivePage(outputRoot: outputRoot, words: Words(locale), format: NumberFormat(locale: locale, currency: currency ?? ReportConfig().currency))
        try Publisher(outputRoot: outputRoot).replaceRootFile("index.html", Data(try templates.render("archive", page.context()).utf8))
    }

    /// The newest published period's label (the archive's first entry), nil when none is published.
    public static func latestPeriod(outputRoot: URL) -> String? {
        ArchivePage(outputRoot: outputRoot, words: Words(.en), format: NumberFormat(locale: .en, currency: ReportConfig().currency))
            .entries().first?.label
    }

    /// A published period, read back from its report.json through `ReportDocument`. A period
    /// that cannot be shown (its report.json does not parse or names another period, or the
    /// name is a plain file) is listed with a note saying why, never left out or fatal.
    struct Entry {
        let label: String
        let document: ReportDocument?
        /// Why there are no figures (a key of `Words`), when `document` is nil.
        var problem: String? = nil
        /// Whether the folder has its pages (a folder with only a report.json is listed, not linked).
        var hasPage = true
        var start: String { document?.period.start ?? "" }
    }

    func entries() -> [Entry] {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: outputRoot.path)) ?? []
        var list: [Entry] = []
        for name in names where !name.hasPrefix(".") {
            let folder = outputRoot.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: folder.path, isDirectory: &isFolder) else { continue }
            guard isFolder.boolValue else {
                // Only a period's name is a period: index.html and the like are the site's own files.
                if Publisher.isPeriodLabel(name) { list.append(Entry(label: name, document: nil, problem: "archive.not_folder", hasPage: false)) }
                continue
            }
            let json = folder.appendingPathComponent("report.json")
            let hasPage = fm.fileExists(atPath: folder.appendingPathComponent("index.html").path)
            guard hasPage || fm.fileExists(atPath: json.path) else { continue }
            let document = fm.contents(atPath: json.path).flatMap { try? JSONDecoder().decode(ReportDocument.self, from: $0) }
            if let document, document.period.label != name {
                list.append(Entry(label: name, document: nil, problem: "archive.other_label", hasPage: hasPage))
                continue
            }
            if document == nil, !fm.fileExists(atPath: json.path) { continue }
            list.append(Entry(label: name, document: document, problem: document == nil ? "archive.unreadable" : nil, hasPage: hasPage))
        }
        return list.sorted { ($0.start, $0.label) > ($1.start, $1.label) }
    }

    /// The number format of one period: its own currency.
    func format(of document: ReportDocument?) -> NumberFormat {
        guard let currency = document?.currency, currency != format.currency else { return format }
        return NumberFormat(locale: format.locale, currency: currency)
    }

    func context() -> [String: Any] {
        let list = entries()
        let keyFigures: [SummaryMetric] = [.revenue, .orders, .averageOrderValue, .newCustomers]
        var latest: [[String: Any]] = []
        if let top = list.first(where: { $0.document != nil }), let doc = top.document {
            for m in keyFigures {
                latest.append(["label": words["metric.\(m.rawValue)"], "value": format(of: doc).figure(doc.summary[m.rawValue]?.current, m.kind)])
            }
        }
        let newest = list.first { $0.document != nil }
        let trends = ArchiveTrends(list)
        let trendFormat = format(of: newest?.document)
        let kindWord = trends.kind.map { words["archive.kind.\($0)"] } ?? ""
        let figureColumns = ArchiveTrends.metrics
        return [
            "trends_title": words["archive.trends"],
            "trends": trends.charts(words: words, format: trendFormat).map { ["svg": $0.svg, "alt": $0.altText] },
            "trend_note": trends.documents.count < 2 ? words["archive.trend_only_one"]
                : (trends.leavesOut(list) ? words.fill("archive.kind_note", ["kind": kindWord]) : ""),
            "figure_headers": figureColumns.map { words["metric.\($0.rawValue)"] },
            "lang": words["lang"], "title": words["archive.title"], "site_title": words["site.title"],
            "heading": words["archive.title"], "latest_title": words["archive.latest"],
            "latest_label": newest?.label ?? "", "latest_href": newest.map { "\($0.label)/index.html" } ?? "",
            "latest": latest, "has_latest": !latest.isEmpty,
            "period_label": words["archive.period"], "as_of_label": words["archive.as_of"], "open_label": words["archive.open"],
            "periods": list.map { e in
                ["label": e.label, "href": "\(e.label)/index.html", "linked": e.hasPage, "dates": e.document.map(dates) ?? words[e.problem ?? "archive.unreadable"],
                 "as_of": e.document?.asOf ?? NumberFormat.missing,
                 "figures": figureColumns.map { m in format(of: e.document).figure(e.document?.summary[m.rawValue]?.current, m.kind) }] as [String: Any]
            },
            "footer": "\(words["footer.made_by"]) \(Provenance.generator)",
        ]
    }

    /// The period's first and last day ("9 Nov 2026 – 15 Nov 2026"); report.json's `end` is exclusive.
    func dates(_ d: ReportDocument) -> String {
        guard let start = CivilDate.parse(d.period.start), let end = CivilDate.parse(d.period.end) else { return "\(d.period.start) – \(d.period.end)" }
        return "\(format.date(day: start)) – \(format.date(day: end - 1))"
    }
}
