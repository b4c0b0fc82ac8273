/// Why a section, a figure or a statistic is not shown, or what the reader noticed about the
/// schema: a value, so each renderer words it in its own language. `id` is stable for machines
/// (report.json `notes`), `english` is the text that goes beside it.
public enum Reason: Sendable, Hashable, Comparable {
    /// An optional table is absent: the sections that need it are left out.
    case tableAbsent(String)
    /// A nullable column is absent: read as empty.
    case columnAbsent(table: String, column: String)
    /// The figure comes from an audit that did not run.
    case notAudited
    /// An audit check lacked optional tables: not run at all, or run on the evidence there is.
    case checkWithout(check: String, tables: [String], ran: Bool)

    public var id: String {
        switch self {
        case .tableAbsent(let t): return "table_absent.\(t)"
        case .columnAbsent(let t, let c): return "column_absent.\(t).\(c)"
        case .notAudited: return "not_audited"
        case .checkWithout(let c, _, let ran): return "\(ran ? "partial" : "not_run").\(c)"
        }
    }

    public var english: String {
        switch self {
        case .tableAbsent(let t): return "the optional table '\(t)' is absent"
        case .columnAbsent(let t, let c): return "the column '\(t).\(c)' is absent: read as empty"
        case .notAudited: return "not audited yet"
        case .checkWithout(let c, let t, let ran):
            let tables = t.joined(separator: ", ")
            return ran ? "\(c): checked without the absent table \(tables)" : "\(c): not run, the table \(tables) is absent"
        }
    }

    public static func < (a: Reason, b: Reason) -> Bool { a.id < b.id }
}
