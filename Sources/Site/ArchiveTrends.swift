import Charts
import CRMData
import Foundation
import Formatting
import Reports

/// The archive's trend charts: revenue, orders and win rate across every published period of
/// one kind (the newest period's), oldest first, read back from each period's report.json.
/// Weeks and months are not mixed on one time axis; the other kind stays listed in the table.
struct ArchiveTrends {
    /// The figures drawn, in order.
    static let metrics: [SummaryMetric] = [.revenue, .orders, .winRate]

    let documents: [ReportDocument]
    let kind: String?

    /// The readable entries of the newest entry's kind and currency, oldest first, one per label.
    init(_ entries: [ArchivePage.Entry]) {
        let readable = entries.compactMap(\.document)
        let kind = readable.first?.period.kind
        let currency = readable.first?.currency
        self.kind = kind
        var seen = Set<String>()
        // Sums in two currencies are not one line: only the newest period's currency is drawn.
        documents = readable.filter { $0.period.kind == kind && $0.currency == currency }
            .sorted { $0.period.start < $1.period.start }
            .filter { seen.insert($0.period.label).inserted }
    }

    /// Whether some readable period is of another kind than the one drawn.
    func leavesOut(_ entries: [ArchivePage.Entry]) -> Bool {
        entries.contains { $0.document.map { $0.period.kind != kind } ?? false }
    }

    /// One small chart per figure; none until two periods can be joined by a line.
    func charts(words: Words, format: NumberFormat) -> [RenderedChart] {
        guard documents.count >= 2, let first = documents.first, let last = documents.last else { return [] }
        let grain: TimeGrain = kind == "month" ? .month : .week
        let days = documents.map { CivilDate.parse($0.period.start) ?? 0 }
        let subtitle = words.fill("archive.trend_subtitle", ["count": String(documents.count), "first": first.period.label, "last": last.period.label])
        return Self.metrics.map { m in
            let points = zip(days, documents).map { SeriesPoint(day: $0, value: $1.summary[m.rawValue]?.current) }
            let label = words["metric.\(m.rawValue)"]
            return timeSeriesChart(id: "trend-\(m.rawValue)", title: label, subtitle: subtitle, current: points, currentLabel: label,
                                   comparison: nil, comparisonLabel: nil, value: SummaryPage.valueKind(m.kind), grain: grain,
                                   format: format, size: ChartSize(width: 440, height: 280))
        }
    }
}
