/// The columns of one contract table's description: an enum whose cases are the columns of
/// its columns struct, in order (raw values 0, 1, 2, ...: each is the column's slot in a row).
protocol ContractColumn: RawRepresentable, CaseIterable where RawValue == Int {}

/// What a column holds, which decides how its cell is read and stored.
enum ColumnKind {
    /// The row's id: it names the row in the bad-row ledger and is checked for duplicates.
    case id
    /// An ISO-8601 timestamp, stored as an `Instant` (missing when NULL or not yet happened).
    case instant
    /// An ISO-8601 timestamp stored as its local day number in the report's zone.
    case day
    /// The id of a row of another table, stored as that row's index there (-1: none).
    case reference(to: String)
    /// A closed vocabulary of the contract, stored as the raw value (-1: NULL).
    case enumeration(spellings: [[UInt8]])
    /// Open text interned into one of the snapshot's vocabularies, stored as its code (-1: NULL).
    case label(WritableKeyPath<Vocabulary, Labels>)
    /// Text kept as a String.
    case text
    /// Money in major units, stored as exact minor units (`Money`).
    case amount
    /// Only whether the text is there (non-blank).
    case flag
    /// An integer, optionally limited to a range (outside it: `unknown_value`).
    case integer(ClosedRange<Int64>?)
}

/// When a column makes a row bad, or the row invisible (metrics.md, "Common ground").
enum ColumnRule {
    /// Must hold a value: NULL or blank text is `missing_value`.
    case required
    /// NULL means "no value".
    case optional
    /// The row's own timestamp: required, and a row whose moment is at or after A is not
    /// visible yet (skipped, not bad). At most one a table; it is read first.
    case own
    /// A later event of the row: optional, and one at or after A has not happened yet (missing).
    case later
    /// A term, such as a grant's expiry: optional, kept wherever it falls.
    case term
}

/// One column of a contract table: its name in the database, its kind and its rule.
struct ColumnSpec {
    let name: String
    let kind: ColumnKind
    let rule: ColumnRule

    static func id(_ name: String = "id") -> ColumnSpec { ColumnSpec(name: name, kind: .id, rule: .optional) }
    static func timestamp(_ name: String, _ rule: ColumnRule) -> ColumnSpec { ColumnSpec(name: name, kind: .instant, rule: rule) }
    static func localDay(_ name: String, _ rule: ColumnRule) -> ColumnSpec { ColumnSpec(name: name, kind: .day, rule: rule) }
    static func reference(_ name: String, to table: String, _ rule: ColumnRule) -> ColumnSpec {
        ColumnSpec(name: name, kind: .reference(to: table), rule: rule)
    }
    static func enumeration<E: ContractEnum>(_ name: String, _: E.Type, _ rule: ColumnRule) -> ColumnSpec {
        ColumnSpec(name: name, kind: .enumeration(spellings: E.spellings), rule: rule)
    }
    static func label(_ name: String, _ vocabulary: WritableKeyPath<Vocabulary, Labels>, _ rule: ColumnRule) -> ColumnSpec {
        ColumnSpec(name: name, kind: .label(vocabulary), rule: rule)
    }
    static func text(_ name: String, _ rule: ColumnRule) -> ColumnSpec { ColumnSpec(name: name, kind: .text, rule: rule) }
    static func amount(_ name: String, _ rule: ColumnRule) -> ColumnSpec { ColumnSpec(name: name, kind: .amount, rule: rule) }
    static func flag(_ name: String) -> ColumnSpec { ColumnSpec(name: name, kind: .flag, rule: .optional) }
    static func integer(_ name: String, in range: ClosedRange<Int64>? = nil, _ rule: ColumnRule) -> ColumnSpec {
        ColumnSpec(name: name, kind: .integer(range), rule: rule)
    }
}

/// A rule over several columns of a row, applied once every column has been read.
enum RowRule<Column: ContractColumn> {
    /// A deal's close (metrics.md): a won or lost deal needs its `closed_at`; an open one has
    /// none; one closed at or after A is still open at A. `open` is the status's open raw value.
    case closing(status: Column, closedAt: Column, open: UInt8)
}

/// A contract table's columns struct (`Tables.swift`), filled by the generic `TableReader`
/// from its description: the table's name, each column's spec, and how a good row is appended.
protocol ContractTable {
    associatedtype Column: ContractColumn
    static var tableName: String { get }
    static func spec(_ column: Column) -> ColumnSpec
    static var rowRules: [RowRule<Column>] { get }
    init()
    /// Appends one row that is visible at A and good.
    mutating func append(_ row: DecodedRow<Column>)
    /// Makes room for about `n` rows before a scan (`TableCapacity.swift`).
    mutating func reserveCapacity(_ n: Int)
}

extension ContractTable {
    static var rowRules: [RowRule<Column>] { [] }
}

/// One row visible at A and good, as the reader decoded it: what `ContractTable.append` reads.
/// Every cell is an Int64 in the column's slot; text columns are Strings beside them.
struct DecodedRow<Column: ContractColumn> {
    /// The id column, else the row key, else the row's ordinal in the scan.
    let id: Int64
    let cells: UnsafePointer<Int64>
    let texts: UnsafePointer<String?>

    @inline(__always) func instant(_ c: Column) -> Instant { Instant(ms: cells[c.rawValue]) }
    @inline(__always) func day(_ c: Column) -> Int { Int(cells[c.rawValue]) }
    @inline(__always) func reference(_ c: Column) -> Int32 { Int32(truncatingIfNeeded: cells[c.rawValue]) }
    @inline(__always) func label(_ c: Column) -> Int32 { Int32(truncatingIfNeeded: cells[c.rawValue]) }
    @inline(__always) func money(_ c: Column) -> Money { Money(minor: cells[c.rawValue]) }
    @inline(__always) func flag(_ c: Column) -> Bool { cells[c.rawValue] != 0 }
    @inline(__always) func text(_ c: Column) -> String? { texts[c.rawValue] }

    /// nil for NULL in an optional column.
    @inline(__always) func value<E: ContractEnum>(_ c: Column) -> E? {
        let raw = cells[c.rawValue]
        return raw < 0 ? nil : E(rawValue: UInt8(truncatingIfNeeded: raw))
    }

    /// nil for NULL in an optional column.
    @inline(__always) func integer(_ c: Column) -> Int64? {
        let v = cells[c.rawValue]
        return v == TableReaderCells.null ? nil : v
    }
}

/// The cell values that mean "none".
enum TableReaderCells {
    /// A NULL integer, instant or amount (Int64.min, as `Instant.missing` and `Money.missing`).
    static let null = Int64.min
    /// A NULL enum, label or reference.
    static let none: Int64 = -1
}
