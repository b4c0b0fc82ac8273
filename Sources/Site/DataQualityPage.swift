import Charts
import Foundation
import CRMData
import Formatting
import Results

/// data-quality.html, findings/data-quality.csv and report.json's `data_quality`: the bad rows by table and reason.
struct DataQualitySection: ReportSection {
    static let file = "data-quality.html"
    static let navKey = "nav.data_quality"

    static let template = "data-quality"

    static func viewModel(_ context: SectionContext, charts: [RenderedChart]) -> [String: Any] {
        DataQualityPage(report: context.results.dataQuality, frame: context.frame, notes: context.noteTexts).context()
    }

    static func findings(_ context: SectionContext) -> [FindingsFile] {
        [FindingsFile("findings/data-quality.csv") { DataQualityPage.csv(context.results.dataQuality).data }]
    }
}

struct DataQualityPage {
    let report: DataQualityReport
    let frame: PageFrame
    let notes: [String]

    func context() -> [String: Any] {
        let w = frame.words, f = frame.format
        let rows: [[String: Any]] = report.badRowCounts.map {
            ["table": $0.table, "reason": w["reason.\($0.reason.id)"], "reason_id": $0.reason.id, "count": f.count(Double($0.count))]
        }
        let read: [[String: Any]] = report.rowsRead.map { ["table": $0.table, "rows": f.count(Double($0.rows))] }
        let body: [String: Any] = [
            "heading": w["dq.title"], "explain": w["dq.explain"], "bad_rows_title": w["dq.bad_rows"],
            "rows": rows, "has_rows": !rows.isEmpty, "none": w["dq.none"],
            "table_label": w["dq.table"], "reason_label": w["dq.reason"], "count_label": w["dq.count"],
            "rows_read_title": w["dq.rows_read"], "read": read, "csv": w["dq.csv"],
            "notes_title": w["summary.notes"], "notes": notes, "has_notes": !notes.isEmpty,
        ]
        return frame.context(page: "data-quality.html", title: "\(w["dq.title"]) · \(frame.period.label)", body: body)
    }

    static func csv(_ r: DataQualityReport) -> CSVText {
        var csv = CSVText(header: ["table", "row_id", "reason"])
        for e in r.badRows {
            csv.cell(e.table)
            csv.cell(e.rowID)
            csv.cell(e.reason.id)
            csv.endRow()
        }
        return csv
    }
}
