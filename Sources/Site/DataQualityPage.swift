import CRMData
import Formatting

/// data-quality.html and findings/data-quality.csv: the bad rows by table and reason.
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
