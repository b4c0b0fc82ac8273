import CRMData
import Foundation
import Formatting
import Reports

/// output/index.html: every period published so far, newest first, with the latest summary.
/// Built from the report.json files in the output folder, so it lists runs of any locale or period kind.
struct ArchivePage {
    let outputRoot: URL
    let words: Words
    let format: NumberFormat
    let provenance: Provenance

    /// A published period, read back from its report.json through `ReportDocument`; a folder
    /// whose report.json does not parse is listed with a note rather than left out or fatal.
    struct Entry {
        let label: String
        let document: ReportDocument?
        var start: String { document?.period.start ?? "" }
    }

    func entries() -> [Entry] {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: outputRoot.path)) ?? []
        var list: [Entry] = []
        for name in names where !name.hasPrefix(".") {
            let folder = outputRoot.appendingPathComponent(name)
            let json = folder.appendingPathComponent("report.json")
            guard fm.fileExists(atPath: folder.appendingPathComponent("index.html").path) || fm.fileExists(atPath: json.path) else { continue }
            let document = fm.contents(atPath: json.path).flatMap { try? JSONDecoder().decode(ReportDocument.self, from: $0) }
            if let document, document.period.label != name { continue }
            if document == nil, !fm.fileExists(atPath: json.path) { continue }
            list.append(Entry(label: name, document: document))
        }
        return list.sorted { ($0.start, $0.label) > ($1.start, $1.label) }
    }

    func context() -> [String: Any] {
        let list = entries()
        let keyFigures: [SummaryMetric] = [.revenue, .orders, .averageOrderValue, .newCustomers]
        var latest: [[String: Any]] = []
        if let top = list.first(where: { $0.document != nil }), let doc = top.document {
            for m in keyFigures {
                latest.append(["label": words["metric.\(m.rawValue)"], "value": format.figure(doc.summary[m.rawValue]?.current, m.kind)])
            }
        }
        let newest = list.first { $0.document != nil }
        return [
            "lang": words["lang"], "title": words["archive.title"], "site_title": words["site.title"],
            "heading": words["archive.title"], "latest_title": words["archive.latest"],
            "latest_label": newest?.label ?? "", "latest_href": newest.map { "\($0.label)/index.html" } ?? "",
            "latest": latest, "has_latest": !latest.isEmpty,
            "period_label": words["archive.period"], "as_of_label": words["archive.as_of"], "open_label": words["archive.open"],
            "periods": list.map { e in
                ["label": e.label, "href": "\(e.label)/index.html", "dates": e.document.map(dates) ?? words["archive.unreadable"],
                 "as_of": e.document?.asOf ?? NumberFormat.missing] as [String: Any]
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
