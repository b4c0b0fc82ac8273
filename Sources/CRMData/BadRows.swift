/// Why a row was left out of every metric (metrics.md, "Common ground").
public enum BadReason: UInt8, CaseIterable, Sendable, Comparable {
    case unparseableTimestamp, negativeAmount, unknownValue, missingValue, missingReference
    /// The row shares its id with another row of its table visible at A (a table without a
    /// primary key, or a view): neither can be told apart, so both are left out.
    case duplicateID

    public var id: String {
        ["unparseable_timestamp", "negative_amount", "unknown_value", "missing_value", "missing_reference",
         "duplicate_id"][Int(rawValue)]
    }

    public static func < (a: BadReason, b: BadReason) -> Bool { a.rawValue < b.rawValue }
}

/// The problems found in one row: a small set of reasons.
public struct RowProblems: Sendable {
    public private(set) var bits: UInt8 = 0
    public init() {}
    @inline(__always) public mutating func add(_ r: BadReason) { bits |= 1 << r.rawValue }
    @inline(__always) public var isBad: Bool { bits != 0 }
    public var reasons: [BadReason] { BadReason.allCases.filter { bits & (1 << $0.rawValue) != 0 } }
}

/// Every bad row by table and reason; a row with several problems counts once under each.
public struct BadRowLedger: Sendable {
    public struct Entry: Sendable, Equatable {
        public let table: String
        public let rowID: Int64
        public let reason: BadReason
    }
    public private(set) var entries: [Entry] = []

    public init() {}

    public mutating func record(table: String, rowID: Int64, problems: RowProblems) {
        for r in problems.reasons { entries.append(Entry(table: table, rowID: rowID, reason: r)) }
    }

    public mutating func merge(_ other: BadRowLedger) { entries += other.entries }

    /// (table, reason, count), sorted by table then reason.
    public var counts: [(table: String, reason: BadReason, count: Int)] {
        var d: [String: [BadReason: Int]] = [:]
        for e in entries { d[e.table, default: [:]][e.reason, default: 0] += 1 }
        return d.keys.sorted().flatMap { t in
            (d[t] ?? [:]).sorted { $0.key < $1.key }.map { (t, $0.key, $0.value) }
        }
    }

    public func count(table: String) -> Int { entries.filter { $0.table == table }.count }

    /// Entries sorted by table, row id, reason: the order of findings/data-quality.csv.
    public var sortedEntries: [Entry] {
        entries.sorted { ($0.table, $0.rowID, $0.reason.rawValue) < ($1.table, $1.rowID, $1.reason.rawValue) }
    }
}
