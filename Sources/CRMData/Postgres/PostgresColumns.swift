/// How a contract column travels from PostgreSQL: the SQL expression that selects it and the form
/// its cells arrive in. Integers and floating-point numbers come as 8 binary bytes; everything
/// else as text in the contract's forms, parsed by the same code as SQLite's text (timestamps by
/// `TimestampParser`, exact decimals into doubles as SQLite would store them).
enum PostgresColumns {
    /// What the reader asks of a cell, from the column's kind in the contract's table descriptions.
    enum Want: Sendable { case integer, number, timestamp, text }

    /// The form of a cell on the wire.
    enum Wire: Sendable { case int8, float8, text }

    /// Table -> column -> what the reader asks of it, from the descriptions in `ContractTables.swift`.
    static let wants: [String: [String: Want]] = {
        var all: [String: [String: Want]] = [:]
        func add<T: ContractTable>(_: T.Type) {
            var columns: [String: Want] = [:]
            for c in T.Column.allCases {
                let spec = T.spec(c)
                switch spec.kind {
                case .id, .reference, .integer: columns[spec.name] = .integer
                case .amount: columns[spec.name] = .number
                case .instant, .day: columns[spec.name] = .timestamp
                case .enumeration, .label, .text, .flag: columns[spec.name] = .text
                }
            }
            all[T.tableName] = columns
        }
        add(ContactTable.self); add(DealTable.self); add(DealStageTable.self); add(PipelineStageList.self)
        add(CampaignTable.self); add(CampaignMemberTable.self); add(MessageTable.self); add(ConsentTable.self)
        add(OrderTable.self); add(InteractionTable.self); add(AcquisitionCostTable.self)
        return all
    }()

    static let integerTypes: Set<String> = ["int2", "int4", "int8", "oid"]
    static let floatTypes: Set<String> = ["float4", "float8"]

    /// The select expression for a column of `type` that the reader reads as `want`.
    ///
    /// A value that cannot be converted is never converted by the server (that would fail the
    /// whole read): such a column comes as text, and a cell that does not parse is a bad row.
    static func select(_ column: String, type: String, want: Want) -> (sql: String, wire: Wire) {
        let c = PostgresSQL.quote(column)
        switch want {
        case .integer where integerTypes.contains(type): return ("\(c)::int8", .int8)
        case .number where integerTypes.contains(type) || floatTypes.contains(type): return ("\(c)::float8", .float8)
        case .timestamp where type == "timestamptz":
            return ("to_char(\(c) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')", .text)
        case .timestamp where type == "timestamp":   // wall-clock time: in the report's zone, as offset-less text
            return ("to_char(\(c), 'YYYY-MM-DD\"T\"HH24:MI:SS.US')", .text)
        case .timestamp where type == "date": return ("to_char(\(c), 'YYYY-MM-DD')", .text)
        default: return ("\(c)::text", .text)
        }
    }

    /// The select list for a scan of `table` handing over `requests` in order.
    static func selectList(_ table: String, _ requests: [ColumnRequest], catalog: PostgresCatalog) -> [(sql: String, wire: Wire)] {
        let relation = catalog.relations[table]
        return requests.map { request in
            switch request {
            case .named(let name):
                guard let column = relation?.columns[name.lowercased()] else { return ("NULL::text", .text) }
                return select(column.name, type: column.type, want: wants[table]?[name] ?? .text)
            case .absent: return ("NULL::text", .text)
            // PostgreSQL has no integer row key: bad rows of a table without `id` are named by
            // their ordinal in the scan, which matches SQLite's rowid for a table copied in order.
            case .rowKey: return ("NULL::int8", .int8)
            }
        }
    }
}
