/// The tables and views of one schema as the server's catalog describes them: their real names,
/// each column's base type, and whether the session's user may read them.
struct PostgresCatalog: Sendable {
    struct Relation: Sendable {
        /// The name as stored (the contract's names are matched case-insensitively, as in SQLite).
        var name: String
        var readable: Bool
        /// The planner's estimate of its rows (`reltuples`); nil when never analyzed or not a table.
        var estimatedRows: Int?
        /// `pg_class.relkind`: r a table, p a partitioned one, v a view, m a materialized view, f a foreign table.
        var kind = "r"
        /// Lowercased column name -> (its real name, its base type's name: int8, numeric, timestamptz, ...).
        var columns: [String: (name: String, type: String)] = [:]
    }

    let schema: String
    /// Lowercased relation name -> relation.
    let relations: [String: Relation]

    /// Reads the catalog (pg_class and pg_attribute, not information_schema, which hides the
    /// columns of a table the user may not read, so a REVOKE would look like a missing column).
    init(connection: LibpqConnection, schema: String) throws {
        self.schema = schema
        guard try connection.value("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]) != nil else {
            throw CRMError("PostgreSQL database '\(connection.location.database)' has no schema '\(schema)' (see --schema)")
        }
        let rows = try connection.rows("""
            SELECT c.relname::text, has_table_privilege(c.oid, 'SELECT'), a.attname::text,
                   COALESCE(b.typname, t.typname)::text, c.reltuples::float8, c.relkind::text
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_type b ON b.oid = t.typbasetype AND t.typtype = 'd'
            WHERE n.nspname = $1 AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
            """, [schema])
        var relations: [String: Relation] = [:]
        for row in rows {
            guard row.count == 6, let name = row[0], let readable = row[1], let tuples = row[4].flatMap(Double.init) else {
                throw CRMError("internal: unexpected catalog row from PostgreSQL: \(row)", kind: .internalFailure)
            }
            let (column, type) = (row[2], row[3])
            let key = name.lowercased()
            var relation = relations[key]
                ?? Relation(name: name, readable: readable == "t", estimatedRows: tuples >= 1 && tuples < 1e15 ? Int(tuples) : nil,
                         kind: row[5] ?? "r")
            if let column, let type { relation.columns[column.lowercased()] = (column, type) }
            relations[key] = relation
        }
        self.relations = relations
    }

    /// The contract check (the same rules as SQLite's), then: every table in use must be readable.
    func check(user: String) throws -> SnapshotReader.SchemaCheck {
        let check = try SnapshotReader.check(.v1, objects: Set(relations.keys), place: "schema '\(schema)'") { table in
            Set(relations[table]?.columns.keys.map { $0 } ?? [])
        }
        for table in SchemaContract.v1.tables where check.present[table.name] != nil {
            if let r = relations[table.name], !r.readable {
                throw CRMError("permission denied: user '\(user)' may not read table '\(schema).\(r.name)' (it needs GRANT SELECT)")
            }
        }
        return check
    }

    /// The statement that drops a relation of the schema, whatever its kind (never CASCADE: a view
    /// of the user's over it makes the drop, and so the copy, fail rather than vanish).
    func drop(_ table: String) -> String {
        let what = ["v": "VIEW", "m": "MATERIALIZED VIEW", "f": "FOREIGN TABLE"][relations[table]?.kind ?? "r"] ?? "TABLE"
        return "DROP \(what) \(qualified(table))"
    }

    /// `"schema"."table"` with the table's real name.
    func qualified(_ table: String) -> String {
        PostgresSQL.quote(schema) + "." + PostgresSQL.quote(relations[table]?.name ?? table)
    }
}
