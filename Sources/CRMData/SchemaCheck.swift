extension SnapshotReader {
    /// The contract check over any engine's catalog: `objects` are the tables and views there
    /// (lowercased), `columns` gives one's columns (lowercased). A missing required table, or a
    /// missing required column of a table in use, is an error naming it and `place`; absent
    /// optional tables and nullable columns are notes.
    static func check(_ contract: SchemaContract, objects: Set<String>, place: String = "the database",
                      columns: (String) throws -> Set<String>) throws -> SchemaCheck {
        var check = SchemaCheck()
        for table in contract.tables {
            guard objects.contains(table.name) else {
                if table.required { throw CRMError("required table '\(table.name)' is missing from \(place)") }
                check.notes.append(.tableAbsent(table.name))
                continue
            }
            let have = try columns(table.name)
            var present: [String] = []
            for column in table.columns {
                if have.contains(column.name) { present.append(column.name); continue }
                if column.required {
                    throw CRMError("required column '\(table.name).\(column.name)' is missing from \(place)")
                }
                check.notes.append(.columnAbsent(table: table.name, column: column.name))
            }
            check.present[table.name] = present
        }
        return check
    }
}
