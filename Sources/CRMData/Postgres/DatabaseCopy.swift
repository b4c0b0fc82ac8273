import Foundation

/// `crm-report copy`: the contract tables (and only their contract columns) from a SQLite file
/// into an empty PostgreSQL schema, or from a PostgreSQL schema into a new SQLite file, so a user
/// can try the tool on a snapshot file and the tests and the benchmark can fill a server.
///
/// Values keep their meaning for the reader: the same rows, in the same order, give the same
/// snapshot and so the same report. A column whose values all fit its contract type gets the
/// matching PostgreSQL type (bigint, double precision, text); one that holds anything else (a
/// CRM's typo in an amount) stays text, so the bad value arrives as bad as it left.
public enum DatabaseCopy {
    /// Copies and returns the rows copied per table. All or nothing: a copy that fails or is
    /// killed leaves no target (or the old one), never part of one. `force`: an existing target
    /// (a SQLite file, the contract tables in a schema that holds tables) is replaced, else refused.
    public static func copy(from source: String, to target: String, schema: String = "public", force: Bool = false,
                            passwords: PasswordSource = PasswordSource()) throws -> [String: Int] {
        switch (try DatabaseLocation(source), try DatabaseLocation(target)) {
        case (.sqlite(let path), .postgres(let server)):
            return try SQLiteToPostgres(path: path, server: server, schema: schema, passwords: passwords, force: force).run()
        case (.postgres(let server), .sqlite(let path)):
            return try PostgresToSQLite(server: server, schema: schema, path: path, passwords: passwords, force: force).run()
        case (.sqlite, .sqlite):
            throw CRMError("copy: both ends are SQLite files; one of --from and --to must be a postgresql:// URL (or use cp)")
        case (.postgres, .postgres):
            throw CRMError("copy: both ends are PostgreSQL; one of --from and --to must be a SQLite file (or use pg_dump)")
        }
    }

    /// The PostgreSQL type for a column of the contract's `contract` type (INTEGER, REAL, TEXT);
    /// `fits`: every value in it is of that type (or NULL), else it stays text.
    static func postgresType(contract: String, fits: Bool) -> String {
        guard fits else { return "text" }
        switch contract {
        case "INTEGER": return "bigint"
        case "REAL": return "double precision"
        default: return "text"
        }
    }
}
