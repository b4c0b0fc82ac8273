import Foundation

/// The tables and columns of the input contract, derived from `contractDDL`.
public struct SchemaContract: Sendable {
    public struct Column: Sendable, Equatable {
        public let name: String
        /// NOT NULL or the primary key: a table in use must have it.
        public let required: Bool
        /// The declared type: INTEGER, TEXT or REAL (what `copy` gives the column in another engine).
        public var type: String = "TEXT"
    }
    public struct Table: Sendable, Equatable {
        public let name: String
        /// Marked `-- REQUIRED.`: the database must have it.
        public let required: Bool
        public let columns: [Column]
    }

    public let tables: [Table]

    public static let v1 = SchemaContract(ddl: contractDDL)

    public func table(_ name: String) -> Table? { tables.first { $0.name == name } }

    /// A small reader for the DDL's own layout: a `-- REQUIRED.` comment before a
    /// `CREATE TABLE name (` line, one column a line, `);` to close.
    init(ddl: String) {
        var tables: [Table] = []
        var pendingRequired = false
        var current: (name: String, required: Bool, columns: [Column])?
        for raw in ddl.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("-- REQUIRED.") { pendingRequired = true; continue }
            if line.hasPrefix("CREATE TABLE ") {
                let name = line.dropFirst("CREATE TABLE ".count).split(separator: " ").first.map(String.init) ?? ""
                current = (name, pendingRequired, [])
                pendingRequired = false
                continue
            }
            guard var table = current else { continue }
            if line.hasPrefix(")") {
                tables.append(Table(name: table.name, required: table.required, columns: table.columns))
                current = nil
                continue
            }
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 2, ["INTEGER", "TEXT", "REAL", "INTEGER,", "TEXT,", "REAL,"].contains(String(words[1])) else { continue }
            let code = line.components(separatedBy: "--")[0]
            let required = code.contains("NOT NULL") || code.contains("PRIMARY KEY")
            table.columns.append(Column(name: String(words[0]), required: required, type: String(words[1]).trimmingCharacters(in: [","])))
            current = table
        }
        self.tables = tables
    }
}

