import CRMData

/// What the reader found: rows read per table, the bad rows by table and reason, and the
/// notes about absent optional tables and columns. Copied out of the snapshot so that
/// renderers never need it.
public struct DataQualityReport: Sendable {
    /// (table, rows in the database before the as-of cut and the bad-row rules), in contract order.
    public let rowsRead: [(table: String, rows: Int)]
    /// (table, reason, count), sorted by table then reason.
    public let badRowCounts: [(table: String, reason: BadReason, count: Int)]
    /// Every bad row, sorted by table, row id, reason: findings/data-quality.csv.
    public let badRows: [BadRowLedger.Entry]
    public let notes: [Reason]

    public init(_ s: Snapshot) {
        rowsRead = SchemaContract.v1.tables.compactMap { t in s.rowCounts[t.name].map { (t.name, $0) } }
        badRowCounts = s.badRows.counts
        badRows = s.badRows.sortedEntries
        notes = s.notes
    }

    public var badRowTotal: Int { badRows.count }
}
