import CRMData
import Formatting
import Reports

/// What every page of a period shares: language, title, navigation, footer.
/// Pages are Mustache contexts (dictionaries); templates only place what they are given.
struct PageFrame {
    let words: Words
    let format: NumberFormat
    let period: ReportPeriod
    let provenance: Provenance
    /// The pages this run publishes, in navigation order: (file, words key).
    let pages: [(file: String, key: String)]

    func context(page file: String, title: String, body: [String: Any]) -> [String: Any] {
        var c = body
        c["lang"] = words["lang"]
        c["title"] = title
        c["site_title"] = words["site.title"]
        c["period_label"] = period.label
        c["period_text"] = periodText
        c["nav"] = pages.map { ["href": $0.file, "label": words[$0.key], "current": $0.file == file] as [String: Any] }
        c["archive_href"] = archiveHref
        c["archive_label"] = words["nav.archive"]
        c["footer"] = footer
        return c
    }

    /// "Week 46 · 9 Nov – 15 Nov 2026" or "Month · Nov 2026".
    var periodText: String {
        switch period.kind {
        case .week:
            let week = CivilDate.isoWeek(period.startDay).week
            return "\(words["summary.week"]) \(week) · \(format.shortDate(day: period.startDay)) – \(format.date(day: period.endDay - 1))"
        case .month:
            return "\(words["summary.month"]) · \(format.month(day: period.startDay))"
        }
    }

    /// The archive (output/index.html) from a page of the period.
    var archiveHref: String { "../index.html" }

    var footer: String {
        "\(words["footer.made_by"]) \(Provenance.generator), \(words["footer.as_of"]) \(provenance.asOf) (\(words["footer.timezone"]) \(provenance.timezone)), "
            + "\(words["footer.config"]) \(provenance.configHash.prefix(12)), \(words["footer.database"]) \(provenance.databaseSHA256)"
    }
}

extension NumberFormat {
    /// A figure of the summary as the page shows it.
    func figure(_ v: Double?, _ kind: SummaryMetric.Kind) -> String {
        guard let v, v.isFinite else { return NumberFormat.missing }
        switch kind {
        case .money: return money(v, digits: abs(v) >= 100 ? 0 : 2)
        case .count: return count(v)
        case .rate: return percent(v, digits: 1)
        }
    }

    /// A signed change: money and counts with their unit, rates in percentage points.
    func change(_ v: Double, _ kind: SummaryMetric.Kind) -> String {
        switch kind {
        case .rate: return points(v, digits: 1)
        case .money: return money(v, digits: abs(v) >= 100 ? 0 : 2, signed: true)
        case .count: return count(v, signed: true)
        }
    }
}
