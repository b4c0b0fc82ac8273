import Foundation

/// The tables of one PostgreSQL read transaction (one snapshot) on one libpq connection.
struct PostgresTableSource: TableSource {
    let connection: LibpqConnection
    let catalog: PostgresCatalog
    /// Rows a batch holds: a few MB, one in memory at a time per scan.
    var batchRows = 10_000

    /// `COPY (SELECT <columns> FROM "schema"."table") TO STDOUT (FORMAT binary)`, read in batches.
    func rows(of table: String, _ columns: [ColumnRequest]) throws -> PostgresRowSource {
        let list = PostgresColumns.selectList(table, columns, catalog: catalog)
        let sql = "SELECT \(list.map(\.sql).joined(separator: ", ")) FROM \(catalog.qualified(table))"
        let scan = try PostgresCopyScan(connection: connection, table: table, select: sql, width: list.count, batchRows: batchRows)
        return PostgresRowSource(scan: scan, wires: list.map(\.wire))
    }

    /// The planner's estimate from the catalog (up to date after ANALYZE or autovacuum).
    func rowCountHint(of table: String) -> Int? { catalog.relations[table]?.estimatedRows.flatMap(plausibleRowCount) }
}

/// One scan of a PostgreSQL table, its cells read in place from the batch.
struct PostgresRowSource: RowSource {
    let scan: PostgresCopyScan
    let wires: [PostgresColumns.Wire]
    private var bytes: UnsafePointer<UInt8>
    private var spans: UnsafePointer<RowBatch.Span>
    private var row = -1, rows = 0, base = 0
    private let width: Int

    init(scan: PostgresCopyScan, wires: [PostgresColumns.Wire]) {
        self.scan = scan
        self.wires = wires
        width = scan.width
        bytes = UnsafePointer(scan.current.bytes)
        spans = UnsafePointer(scan.current.spans)
    }

    @inline(__always) mutating func next() throws -> Bool {
        row += 1
        if row < rows {
            base += width
            return true
        }
        guard let batch = try scan.advance() else { return false }
        bytes = UnsafePointer(batch.bytes)
        spans = UnsafePointer(batch.spans)
        row = 0
        rows = batch.rows
        base = 0
        return true
    }

    /// A cell's bytes as they came (text as typed, blanks kept; numbers as 8 big-endian bytes); nil for NULL.
    @inline(__always) func cell(_ k: Int) -> UnsafeBufferPointer<UInt8>? {
        let s = spans[base + k]
        return s.count < 0 ? nil : UnsafeBufferPointer(start: bytes + Int(s.start), count: Int(s.count))
    }

    @inline(__always) private func int8(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard b.count == 8, let p = b.baseAddress else { return 0 }
        return UInt64(bigEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    @inline(__always) func isNull(_ k: Int) -> Bool { spans[base + k].count < 0 }

    @inline(__always) func integer(_ k: Int) -> Number<Int64> {
        guard let b = cell(k) else { return .null }
        switch wires[k] {
        case .int8: return .value(Int64(bitPattern: int8(b)))
        case .float8: return PostgresText.integer(Double(bitPattern: int8(b)))
        case .text: return PostgresText.integer(b)
        }
    }

    @inline(__always) func real(_ k: Int) -> Number<Double> {
        guard let b = cell(k) else { return .null }
        switch wires[k] {
        case .int8: return .value(Double(Int64(bitPattern: int8(b))))
        case .float8:
            let d = Double(bitPattern: int8(b))
            return d.isFinite ? .value(d) : .invalid
        case .text: return PostgresText.real(b)
        }
    }

    /// Text cells only: the select list sends every column the reader reads as text as text.
    @inline(__always) func text(_ k: Int) -> UnsafeBufferPointer<UInt8>? {
        guard wires[k] == .text, let b = cell(k) else { return nil }
        for c in b where c != 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { return b }
        return nil
    }

    @inline(__always) func string(_ k: Int) -> String? {
        CleanText.text(text(k))
    }
}

/// Numbers in text cells, read by SQLite's rules (`RowCursor`): an integer is digits, or a
/// number without a fraction; a number is any finite decimal. Text longer than
/// `TextBounds.number` is no number, as from SQLite, before any parsing that grows with its length.
enum PostgresText {
    @inline(__always) static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Number<Int64> {
        // Fast path: optional sign and digits, no spaces.
        var i = 0, negative = false, v: Int64 = 0
        if i < b.count, b[i] == 0x2D || b[i] == 0x2B { negative = b[i] == 0x2D; i += 1 }
        var digits = 0
        while i < b.count, b[i] &- 0x30 < 10 {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(b[i] &- 0x30))
            if o1 || o2 { digits = -1; break }
            v = s
            digits += 1
            i += 1
        }
        if digits > 0 && i == b.count { return .value(negative ? -v : v) }
        guard b.count <= TextBounds.number else { return .invalid }
        let text = String(decoding: b, as: UTF8.self).trimmingSpaces
        if text.isEmpty { return .null }
        if let n = Int64(text) { return .value(n) }
        return Double(text).map { integer($0) } ?? .invalid
    }

    @inline(__always) static func integer(_ d: Double) -> Number<Int64> {
        d == d.rounded() && abs(d) < 9e15 ? .value(Int64(d)) : .invalid
    }

    @inline(__always) static func real(_ b: UnsafeBufferPointer<UInt8>) -> Number<Double> {
        guard b.count <= TextBounds.number else { return .invalid }
        let text = String(decoding: b, as: UTF8.self).trimmingSpaces
        if text.isEmpty { return .null }
        guard let d = Double(text), d.isFinite else { return .invalid }
        return .value(d)
    }
}
