/// The one reader of contract tables: a single pass over a table's rows through a `RowSource`,
/// driven by the table's description (`ContractTables.swift`), applying the as-of cut and the
/// bad-row rules of metrics.md ("Common ground", "Small print") into the table's columns.
///
/// Generic over the source and the table, so each (source, table) pair compiles to its own loop
/// with direct calls: the description is interpreted once per scan (`TablePlan`), not per cell.
struct TableReader<Source: TableSource> {
    let source: Source
    let parser: TimestampParser
    let asOf: Instant
    let zone: ZoneClock

    /// A table as read: its good visible rows, its bad rows, and how many rows it holds.
    struct Read<T> {
        var table: T
        var rows: Int
        var bad: BadRowLedger
    }

    /// Reads table `T`, whose present contract columns are `present`.
    ///
    /// Rows that share an id are all bad (`duplicate_id`). Ids that rise through the scan prove
    /// there are none (an `INTEGER PRIMARY KEY` table always does), so the common case costs one
    /// comparison a row; otherwise a pass over the ids finds them, and only if there are any is
    /// the table read again with them known.
    func read<T: ContractTable>(_: T.Type, present: Set<String>, references: [String: IDIndex] = [:],
                                vocabulary: inout Vocabulary) throws -> Read<T> {
        let plan = try TablePlan(T.self, present: present, references: references)
        let before = vocabulary
        var result = try scan(T.self, plan, duplicates: [], vocabulary: &vocabulary)
        if plan.idIsColumn && !result.idsRise {
            let duplicates = try duplicateIDs(T.tableName, plan)
            if !duplicates.isEmpty {
                vocabulary = before
                result = try scan(T.self, plan, duplicates: duplicates, vocabulary: &vocabulary)
            }
        }
        return result.read
    }

    private func scan<T: ContractTable>(_: T.Type, _ plan: TablePlan, duplicates: Set<Int64>,
                                        vocabulary: inout Vocabulary) throws -> (read: Read<T>, idsRise: Bool) {
        var rows = try source.rows(of: T.tableName, plan.requests)
        let width = plan.width
        let cells = UnsafeMutablePointer<Int64>.allocate(capacity: width)
        cells.initialize(repeating: TableReaderCells.none, count: width)
        let texts = UnsafeMutablePointer<String?>.allocate(capacity: width)
        texts.initialize(repeating: nil, count: width)
        // The cell plans as a flat buffer of plain values: iterating it costs no reference counting.
        let plans = UnsafeMutableBufferPointer<TablePlan.Cell>.allocate(capacity: plan.cells.count)
        _ = plans.initialize(from: plan.cells)
        defer {
            cells.deallocate()
            texts.deinitialize(count: width)
            texts.deallocate()
            plans.deallocate()
        }
        let instants = plan[.instants], references = plan[.references], enums = plan[.enums]
        let requiredLabels = plan[.requiredLabels], requiredTexts = plan[.requiredTexts]
        let amounts = plan[.amounts], integers = plan[.integers]
        let optionalLabels = plan[.optionalLabels], flags = plan[.flags], textCells = plan[.texts]
        let indexes = plan.indexes, spellings = plan.spellings, bounds = plan.bounds
        // The vocabularies move out while the table interns into them, so they are never copied.
        var labels = plan.vocabularies.map { vocabulary[keyPath: $0] }
        for key in plan.vocabularies { vocabulary[keyPath: key] = Labels() }
        let own = plan.own, idSource = plan.idSource, idIsColumn = plan.idIsColumn, closing = plan.closing
        let checkDuplicates = !duplicates.isEmpty
        let asOf = self.asOf, parser = self.parser, zone = self.zone
        let null = TableReaderCells.null, none = TableReaderCells.none

        var table = T()
        if let n = source.rowCountHint(of: T.tableName) { table.reserveCapacity(n) }
        var ledger = BadRowLedger()
        var ordinal: Int64 = 0
        var idsRise = true
        var lastID = Int64.min
        while try rows.next() {
            ordinal += 1
            var id = ordinal, realID = false
            if case .value(let v) = rows.integer(idSource) { id = v; realID = idIsColumn }
            var p = RowProblems()
            var nulls: UInt64 = 0

            if let c = own {
                if let t = rows.text(c.source) {
                    if let v = parser.parse(t) {
                        guard v < asOf else { continue }   // not visible at A: neither kept nor bad
                        cells[c.slot] = c.asDay ? Int64(zone.day(of: v)) : v.ms
                    } else {
                        p.add(.unparseableTimestamp)
                    }
                } else {
                    p.add(.missingValue)
                }
            }
            if realID {
                if id <= lastID { idsRise = false }
                lastID = id
            }

            // Every column that can make the row bad, each problem counted.
            for i in instants {
                let c = plans[i]
                guard let t = rows.text(c.source) else {
                    if c.required { p.add(.missingValue) }
                    nulls |= 1 << UInt64(c.slot)
                    cells[c.slot] = null
                    continue
                }
                guard let v = parser.parse(t) else { p.add(.unparseableTimestamp); cells[c.slot] = null; continue }
                if c.cut && !(v < asOf) {
                    cells[c.slot] = null   // has not happened yet at A
                } else {
                    cells[c.slot] = c.asDay ? Int64(zone.day(of: v)) : v.ms
                }
            }
            for i in references {
                let c = plans[i]
                guard let target = Self.value(rows.integer(c.source), c, invalid: .missingReference, &p) else {
                    cells[c.slot] = none
                    continue
                }
                let r = indexes[c.aux].row(target)
                if r < 0 { p.add(.missingReference) }
                cells[c.slot] = Int64(r)
            }
            for i in enums {
                let c = plans[i]
                cells[c.slot] = none
                guard let t = rows.text(c.source) else {
                    if c.required { p.add(.missingValue) }
                    continue
                }
                if let v = spellingIndex(t, in: spellings[c.aux]) { cells[c.slot] = Int64(v) } else { p.add(.unknownValue) }
            }
            // Interned even when the row turns out bad, as a required value is read before the verdict.
            for i in requiredLabels {
                let c = plans[i]
                if let t = rows.text(c.source) { cells[c.slot] = Int64(labels[c.aux].intern(t)) } else {
                    p.add(.missingValue)
                    cells[c.slot] = none
                }
            }
            for i in requiredTexts where rows.text(plans[i].source) == nil { p.add(.missingValue) }
            for i in amounts {
                let c = plans[i]
                cells[c.slot] = null
                guard let v = Self.value(rows.real(c.source), c, invalid: .unknownValue, &p) else { continue }
                guard let m = Money(major: v) else { p.add(.unknownValue); continue }   // |v| >= Money.limit
                if v < 0 { p.add(.negativeAmount) }
                cells[c.slot] = m.minor
            }
            for i in integers {
                let c = plans[i]
                cells[c.slot] = null
                guard let v = Self.value(rows.integer(c.source), c, invalid: .unknownValue, &p) else { continue }
                if c.cut && !bounds[c.aux].contains(v) { p.add(.unknownValue) } else { cells[c.slot] = v }
            }
            if let rule = closing {
                let status = cells[rule.status]
                if status >= 0 && status != rule.open && nulls & (1 << UInt64(rule.closedAt)) != 0 { p.add(.missingValue) }
                if status == rule.open { cells[rule.closedAt] = null }
                if status != rule.open && cells[rule.closedAt] == null { cells[rule.status] = rule.open }   // closed at or after A
            }
            if checkDuplicates && realID && duplicates.contains(id) { p.add(.duplicateID) }
            if p.isBad {
                ledger.record(table: T.tableName, rowID: id, problems: p)
                continue
            }

            // What cannot make a row bad is read only for the rows kept.
            for i in optionalLabels {
                let c = plans[i]
                cells[c.slot] = rows.text(c.source).map { Int64(labels[c.aux].intern($0)) } ?? none
            }
            for i in flags {
                let c = plans[i]
                cells[c.slot] = rows.text(c.source) == nil ? 0 : 1
            }
            for i in textCells {
                let c = plans[i]
                texts[c.slot] = rows.string(c.source)
            }
            table.append(DecodedRow(id: id, cells: cells, texts: texts))
        }
        for (k, key) in plan.vocabularies.enumerated() { vocabulary[keyPath: key] = labels[k] }
        return (Read(table: table, rows: Int(ordinal), bad: ledger), idsRise)
    }

    /// A number's value; nil for NULL (`missing_value` if the column is required) or for a value
    /// that is no number of the column's type (the `invalid` reason).
    @inline(__always) private static func value<N>(_ n: Number<N>, _ c: TablePlan.Cell, invalid: BadReason,
                                                   _ p: inout RowProblems) -> N? {
        switch n {
        case .value(let v): return v
        case .null: if c.required { p.add(.missingValue) }
        case .invalid: p.add(invalid)
        }
        return nil
    }

    /// The ids held by more than one row visible at A (or of unknown visibility: its own
    /// timestamp is missing or does not parse, so the row is there, and bad).
    private func duplicateIDs(_ table: String, _ plan: TablePlan) throws -> Set<Int64> {
        var requests = [plan.requests[plan.idSource]]
        if let own = plan.ownRequest { requests.append(own) }
        let hasOwn = requests.count == 2
        var rows = try source.rows(of: table, requests)
        var ids: [Int64] = []
        while try rows.next() {
            guard case .value(let id) = rows.integer(0) else { continue }
            if hasOwn, let t = rows.text(1), let v = parser.parse(t), !(v < asOf) { continue }
            ids.append(id)
        }
        ids.sort()
        var duplicates = Set<Int64>()
        for k in ids.indices.dropFirst() where ids[k] == ids[k - 1] { duplicates.insert(ids[k]) }
        return duplicates
    }
}
