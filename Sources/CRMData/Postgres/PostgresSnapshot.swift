import Foundation

/// Reads a CRM on a PostgreSQL server into a `Snapshot`, exactly as `SnapshotReader` reads a
/// SQLite file: the same contract check, the same generic reader and table descriptions, the
/// same split of the tables over two connections.
///
/// All reads see one snapshot: the first connection opens a `REPEATABLE READ READ
/// ONLY` transaction, exports its snapshot (`pg_export_snapshot()`) and checks the catalog; two
/// more connections, one per share, join it (`SET TRANSACTION SNAPSHOT`) before either reads a
/// row, and scan their tables with binary COPY. The first stays open, its transaction holding the
/// snapshot, until both shares are done. Nothing is written, no temporary table is made.
struct PostgresSnapshotReader {
    let location: PostgresLocation
    let schema: String
    let asOf: Instant
    let zone: ZoneClock
    let progress: @Sendable (String) -> Void
    /// Called with the contacts as soon as they are read (the audits start validating them), as from SQLite.
    let contactsRead: (@Sendable (ContactTable) -> Void)?
    let passwords: PasswordSource

    init(location: PostgresLocation, schema: String, asOf: Instant, zone: ZoneClock,
         progress: @escaping @Sendable (String) -> Void, contactsRead: (@Sendable (ContactTable) -> Void)? = nil,
         passwords: PasswordSource = PasswordSource()) {
        self.location = location
        self.schema = schema
        self.asOf = asOf
        self.zone = zone
        self.progress = progress
        self.contactsRead = contactsRead
        self.passwords = passwords
    }

    static let begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

    func read() throws -> Snapshot {
        let a = try LibpqConnection.connect(location, passwords: passwords, purpose: .read)
        try a.execute(Self.begin)
        // The transaction's first query takes its snapshot; the identity names that snapshot.
        let exported = try a.value("SELECT pg_export_snapshot()") ?? ""
        // The version's number only ("15.18", not "15.18 (Debian 15.18-0+deb12u1)"): the documented form.
        let version = try a.value("SHOW server_version")?.split(separator: " ").first.map(String.init) ?? "?"
        let identity = "PostgreSQL \(version), snapshot \(try a.value("SELECT txid_current_snapshot()::text") ?? "?")"
        let catalog = try PostgresCatalog(connection: a, schema: schema)
        let check = try catalog.check(user: location.user)

        let shareA = try LibpqConnection.joining(snapshot: exported, location, passwords: passwords)
        let shareB = try LibpqConnection.joining(snapshot: exported, location, passwords: passwords)

        let parser = TimestampParser(zone: zone)
        let (asOf, zone, progress, contactsRead) = (self.asOf, self.zone, self.progress, self.contactsRead)
        let read = try ParallelShares.read { share, contacts, campaigns in
            var scanner = TableScanner(schema: check, parser: parser, asOf: asOf, zone: zone, progress: progress)
            scanner.contactsRead = contactsRead
            let source = PostgresTableSource(connection: share == .a ? shareA : shareB, catalog: catalog)
            try scanner.read(share, from: source, contacts: contacts, campaigns: campaigns)
            return scanner.snapshot
        }
        guard var snapshot = read else { throw CRMError("internal: a reader finished without its part", kind: .internalFailure) }
        // Read-only: ending the transactions either way changes nothing; COMMIT says it went well.
        try shareA.execute("COMMIT")
        try shareB.execute("COMMIT")
        try a.execute("COMMIT")
        snapshot.sourceIdentity = identity
        return snapshot
    }
}
