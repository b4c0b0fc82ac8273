/// The rows of one table scan, one at a time: the seam between the table logic (the contract
/// table descriptions and the generic `TableReader`) and a database engine. SQLite is
/// `SQLiteRowSource`; a PostgreSQL source fills the same columns by implementing this.
///
/// Column `k` is the k-th of the `ColumnRequest`s the scan was opened with. The reader is generic
/// over its source, so each cell read is a direct, inlinable call: implement it as a concrete
/// value type, never use it as an existential.
protocol RowSource {
    /// Steps to the next row; false after the last one. Throws a `CRMError` naming the table.
    mutating func next() throws -> Bool
    /// Whether the cell is NULL (blank text is not NULL here; `text` treats it as NULL).
    func isNull(_ k: Int) -> Bool
    /// An integer: `.null` for NULL or blank, `.invalid` for text or a fraction that is no integer.
    func integer(_ k: Int) -> Number<Int64>
    /// A number: `.null` for NULL or blank, `.invalid` for text that is no finite number.
    func real(_ k: Int) -> Number<Double>
    /// The text's bytes, valid until the next step; nil for NULL, empty or blank text
    /// ("Empty or blank text is NULL", metrics.md).
    func text(_ k: Int) -> UnsafeBufferPointer<UInt8>?
    /// The text as a `String`, as the engine cleans it for the pages; nil where `text` is nil.
    func string(_ k: Int) -> String?
}

/// A column asked of a table scan.
enum ColumnRequest: Sendable, Equatable {
    /// A column of the table, by name.
    case named(String)
    /// A contract column the table lacks (a nullable one): NULL on every row.
    case absent
    /// An integer that names the row where the engine keeps one (SQLite's rowid), else NULL
    /// (a view): it names the bad rows of a table without an `id` column.
    case rowKey
}

/// Opens row sources over the tables of one read transaction (one snapshot).
protocol TableSource {
    associatedtype Rows: RowSource
    /// A scan of `table` handing over `columns` in the order given.
    func rows(of table: String, _ columns: [ColumnRequest]) throws -> Rows
    /// About how many rows the table holds, if the engine can tell at no cost; nil otherwise.
    func rowCountHint(of table: String) -> Int?
}

extension TableSource {
    func rowCountHint(of table: String) -> Int? { nil }

    /// A hint is ignored when it is implausibly large (sparse ids, a stale estimate): it reserves memory.
    func plausibleRowCount(_ n: Int) -> Int? { (1...50_000_000).contains(n) ? n : nil }
}
