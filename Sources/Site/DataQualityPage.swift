import CRMData
import Formatting

/// data-quality.html, findings/data-quality.csv and report.json's `data_quality`: the bad rows by table and reason.
struct DataQualitySection: ReportSection {
    static let file = "data-quality.html"
    static let navKey = "nav.data_quality"

    static func build(_ context: SectionContext, templates: Templates) throws -> SectionOutput {
        let page = DataQualityPage(snapshot: context.snapshot, frame: context.frame, notes: context.snapshot.notes)
        var out = SectionOutput()
        out.add(file, try templates.render("data-quality", page.context()))
        out.add("findings/data-quality.csv", DataQualityPage.csv(context.snapshot))
        out.json = [("data_quality", ReportJSON.dataQuality(context.snapshot))]
        return out
    }
}

struct DataQualityPage {
    let snapshot: Snapshot
    let frame: PageFrame
    let notes: [String]

    func context() -> [String: Any] {
        let w = frame.words, f = frame.format
        let rows: [[String: Any]] = snapshot.badRows.counts.map {
            ["table": $0.table, "reason": w["reason.\($0.reason.id)"], "reason_id": $0.reason.id, "count": f.count(Double($0.count))]
        }
        let read: [[String: Any]] = SchemaContract.v1.tables.compactMap { t in
            snapshot.rowCounts[t.name].map { ["table": t.name, "rows": f.count(Double($0))] }
        }
        let body: [String: Any] = [
            "heading": w["dq.title"], "explain": w["dq.explain"], "bad_rows_title": w["dq.bad_rows"],
            "rows": rows, "has_rows": !rows.isEmpty, "none": w["dq.none"],
            "table_label": w["dq.table"], "reason_label": w["dq.reason"], "count_label": w["dq.count"],
            "rows_read_title": w["dq.rows_read"], "read": read, "csv": w["dq.csv"],
            "notes_title": w["summary.notes"], "notes": notes, "has_notes": !notes.isEmpty,
        ]
        return frame.context(page: "data-quality.html", title: "\(w["dq.title"]) · \(frame.period.label)", body: body)
    }

    static func csv(_ s: Snapshot) -> String {
        var csv = CSVText(header: ["table", "row_id", "reason"])
        for e in s.badRows.sortedEntries { csv.append([e.table, String(e.rowID), e.reason.id]) }
        return csv.text
    }
}
