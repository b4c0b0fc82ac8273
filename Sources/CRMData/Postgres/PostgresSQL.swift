/// SQL text the PostgreSQL code writes: quoted names and literals, and the session settings.
enum PostgresSQL {
    /// Quotes an identifier (a schema, table or column name) for SQL.
    static func quote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Quotes a text literal for SQL.
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// What a session is for: reading a CRM (read-only, gentle) or `copy` writing into one.
    enum Purpose: Sendable { case read, write }

    /// The session settings a DBA sees in `pg_stat_activity` and that keep a read gentle: no
    /// writes of any kind, one statement never runs for more than `statementTimeout` seconds
    /// (config `statement_timeout_seconds`), no long queue behind a lock, and scans from the
    /// table's first page so rows come in their stored order.
    static func settings(_ purpose: Purpose, statementTimeout: Int) -> [(String, String)] {
        var p = [("synchronize_seqscans", "off")]
        if purpose == .read {
            p += [("default_transaction_read_only", "on"), ("statement_timeout", String(statementTimeout * 1000)),
                  ("lock_timeout", "30000"), ("idle_in_transaction_session_timeout", "600000")]
        }
        return p
    }
}
