import CRMData
import Foundation
import Formatting

/// output/index.html: every period published so far, newest first, with the latest summary.
/// Built from the report.json files in the output folder, so it lists runs of any locale or period kind.
struct ArchivePage {
    let outputRoot: URL
    let words: Words
    let format: NumberFormat
    let provenance: Provenance

    struct Entry {
        let label: String
        let start: String
        let end: String
        let asOf: String
        let kind: String
        let summary: [String: Any]
    }

    func entries() -> [Entry] {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: outputRoot.path)) ?? []
        var list: [Entry] = []
        for name in names where !name.hasPrefix(".") {
            let json = outputRoot.appendingPathComponent(name).appendingPathComponent("report.json")
            guard let data = fm.contents(atPath: json.path),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let period = object["period"] as? [String: Any],
                  let label = period["label"] as? String, label == name else { continue }
            list.append(Entry(label: label, start: period["start"] as? String ?? "", end: period["end"] as? String ?? "",
                              asOf: object["as_of"] as? String ?? "", kind: period["kind"] as? String ?? "",
                              summary: object["summary"] as? [String: Any] ?? [:]))
        }
        return list.sorted { ($0.start, $0.label) > ($1.start, $1.label) }
    }

    func context() -> [String: Any] {
        let list = entries()
        let keyFigures: [(String, SummaryKind)] = [("revenue", .money), ("orders", .count), ("average_order_value", .money),
                                                   ("new_customers", .count)]
        var latest: [[String: Any]] = []
        if let top = list.first {
            for (id, kind) in keyFigures {
                let v = (top.summary[id] as? [String: Any])?["current"] as? Double
                latest.append(["label": words["metric.\(id)"], "value": kind.format(v, format)])
            }
        }
        return [
            "lang": words["lang"], "title": words["archive.title"], "site_title": words["site.title"],
            "heading": words["archive.title"], "latest_title": words["archive.latest"],
            "latest_label": list.first?.label ?? "", "latest_href": list.first.map { "\($0.label)/index.html" } ?? "",
            "latest": latest, "has_latest": !latest.isEmpty,
            "period_label": words["archive.period"], "as_of_label": words["archive.as_of"], "open_label": words["archive.open"],
            "periods": list.map { e in
                ["label": e.label, "href": "\(e.label)/index.html", "dates": dates(e), "as_of": e.asOf] as [String: Any]
            },
            "footer": "\(words["footer.made_by"]) \(Provenance.generator)",
        ]
    }

    /// The period's first and last day ("9 Nov 2026 – 15 Nov 2026"); report.json's `end` is exclusive.
    func dates(_ e: Entry) -> String {
        guard let start = CivilDate.parse(e.start), let end = CivilDate.parse(e.end) else { return "\(e.start) – \(e.end)" }
        return "\(format.date(day: start)) – \(format.date(day: end - 1))"
    }

    enum SummaryKind {
        case money, count, rate
        func format(_ v: Double?, _ f: NumberFormat) -> String {
            guard let v else { return NumberFormat.missing }
            switch self {
            case .money: return f.money(v, digits: 0)
            case .count: return f.count(v)
            case .rate: return f.percent(v, digits: 1)
            }
        }
    }
}
