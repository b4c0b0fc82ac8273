/// A table description resolved once per scan: the columns to ask the source for, by name,
/// and the cells to fill, grouped by kind. Each cell is a plain value (no references), so the
/// per-row loop runs over a flat buffer of them without reference counting or a switch per cell.
struct TablePlan {
    /// One cell to fill: where its value comes from, which slot it goes to, and how it is checked.
    /// Sixteen bytes, so a row's plans stay in a cache line or two and load in one go.
    struct Cell {
        private var sourceIndex: Int32
        private var slotIndex: Int32
        private var auxIndex: Int32 = 0
        var required: Bool
        /// Instants: a moment at or after A is missing (a later event). Integers: `bounds[aux]` is checked.
        var cut = false
        /// Instants: stored as the local day number.
        var asDay = false

        init(source: Int, slot: Int, required: Bool) {
            sourceIndex = Int32(source)
            slotIndex = Int32(slot)
            self.required = required
        }

        /// Index into the requested columns.
        var source: Int { Int(sourceIndex) }
        /// The column's slot (`ContractColumn.rawValue`).
        var slot: Int { Int(slotIndex) }
        /// References: index into `indexes`. Enums: into `spellings`. Labels: into `vocabularies`. Integers: into `bounds`.
        var aux: Int {
            get { Int(auxIndex) }
            set { auxIndex = Int32(newValue) }
        }
    }

    /// The kinds in the order the reader checks them; the last three are read only for good rows.
    enum Group: Int, CaseIterable {
        case instants, references, enums, requiredLabels, requiredTexts, amounts, integers
        case optionalLabels, flags, texts
    }

    private(set) var requests: [ColumnRequest] = []
    /// Every cell, sorted by group; `ranges[g]` holds group g's.
    private(set) var cells: [Cell] = []
    private(set) var ranges: [Range<Int>] = []
    /// The row's own timestamp, read first (the as-of cut decides whether the row is seen at all).
    private(set) var own: Cell?
    /// The column that names a row: the `id` column, else the row key.
    private(set) var idSource = 0
    /// The id comes from an `id` column, so two rows may share it (a table without a primary key, or a view).
    private(set) var idIsColumn = false
    private(set) var indexes: [IDIndex] = []
    private(set) var spellings: [[[UInt8]]] = []
    private(set) var vocabularies: [WritableKeyPath<Vocabulary, Labels>] = []
    private(set) var bounds: [ClosedRange<Int64>] = []
    /// The closing rule's (status slot, closed_at slot, open raw value), if the table has one.
    private(set) var closing: (status: Int, closedAt: Int, open: Int64)?
    /// Slots in a row.
    let width: Int

    /// - Parameters:
    ///   - present: the contract columns the table has (absent ones are read as NULL).
    ///   - references: the row index of each table a reference may point to; a table not given is empty.
    init<T: ContractTable>(_: T.Type, present: Set<String>, references: [String: IDIndex]) throws {
        let columns = T.Column.allCases
        width = columns.count
        guard width < 64 else { throw Self.flaw(T.self, "more than 63 columns") }
        var grouped = [[Cell]](repeating: [], count: Group.allCases.count)
        var idColumn: Int?
        for (position, column) in columns.enumerated() {
            guard column.rawValue == position else { throw Self.flaw(T.self, "column slots are not 0, 1, 2, ...") }
            let spec = T.spec(column)
            let source = requests.count
            requests.append(present.contains(spec.name) ? .named(spec.name) : .absent)
            var cell = Cell(source: source, slot: position, required: spec.rule == .required)
            func add(_ group: Group) { grouped[group.rawValue].append(cell) }
            switch (spec.kind, spec.rule) {
            case (.id, _):
                guard idColumn == nil else { throw Self.flaw(T.self, "two id columns") }
                idColumn = present.contains(spec.name) ? source : nil
            case (.instant, _), (.day, _):
                cell.asDay = { if case .day = spec.kind { return true } else { return false } }()
                switch spec.rule {
                case .own:
                    guard own == nil else { throw Self.flaw(T.self, "two own timestamps") }
                    own = cell
                case .later: cell.cut = true; add(.instants)
                case .term, .required, .optional: add(.instants)
                }
            case (_, .own), (_, .later), (_, .term):
                throw Self.flaw(T.self, "'\(spec.name)' has a timestamp rule but is no timestamp")
            case (.reference(let target), _):
                cell.aux = indexes.count
                indexes.append(references[target] ?? IDIndex([]))
                add(.references)
            case (.enumeration(let names), _):
                cell.aux = spellings.count
                spellings.append(names)
                add(.enums)
            case (.label(let vocabulary), _):
                if let k = vocabularies.firstIndex(of: vocabulary) { cell.aux = k } else {
                    cell.aux = vocabularies.count
                    vocabularies.append(vocabulary)
                }
                add(cell.required ? .requiredLabels : .optionalLabels)
            case (.text, _):
                if cell.required { add(.requiredTexts) }
                add(.texts)
            case (.amount, _):
                add(.amounts)
            case (.flag, _):
                add(.flags)
            case (.integer(let range), _):
                if let range {
                    cell.cut = true
                    cell.aux = bounds.count
                    bounds.append(range)
                }
                add(.integers)
            }
        }
        if let idColumn {
            idSource = idColumn
            idIsColumn = true
        } else {
            idSource = requests.count
            requests.append(.rowKey)
        }
        for group in grouped {
            ranges.append(cells.count..<(cells.count + group.count))
            cells += group
        }
        for rule in T.rowRules {
            switch rule {
            case .closing(let status, let closedAt, let open):
                closing = (status.rawValue, closedAt.rawValue, Int64(open))
            }
        }
    }

    subscript(_ group: Group) -> Range<Int> { ranges[group.rawValue] }

    /// The own timestamp's request, if the table has one.
    var ownRequest: ColumnRequest? { own.map { requests[$0.source] } }

    /// A description that cannot be read: a flaw in the code, never in the data.
    private static func flaw<T: ContractTable>(_: T.Type, _ what: String) -> CRMError {
        CRMError("internal: the description of table '\(T.tableName)' is inconsistent: \(what)", kind: .internalFailure)
    }
}
