import Foundation
import GRDB
import GRDBSQLite

/// Opens a CRM database read-only, checks it against the contract, and reads
/// every table once, inside one read transaction, into a `Snapshot`.
public struct SnapshotReader {
    public let path: String
    public let asOf: Instant
    public let zone: ZoneClock
    /// Called with the name of each table as it starts reading (for progress).
    public var progress: @Sendable (String) -> Void = { _ in }
    /// Called with the contacts as soon as they are read (SQLite; maybe more than once when the
    /// read is retried: the last call holds the snapshot's contacts).
    public var contactsRead: (@Sendable (ContactTable) -> Void)?
    /// Seconds to wait for a writer's lock, and to keep retrying a changing database (config `busy_timeout_seconds`).
    public var busyTimeout: Double = 30
    /// PostgreSQL: the server's statement timeout and the client's bound on waiting for it
    /// (config `statement_timeout_seconds`).
    public var statementTimeout = 300
    /// The PostgreSQL schema that holds the contract tables (`--schema`); SQLite has none.
    public var schema = "public"

    public init(path: String, asOf: Instant, zone: ZoneClock) {
        self.path = path
        self.asOf = asOf
        self.zone = zone
    }

    /// Opens the database read-only (see `DatabaseFile` for when SQLite is told it is immutable).
    /// Returns the connection and, for an immutable open, the file stamp to compare after reading.
    static func open(_ file: DatabaseFile, busyTimeout: Double) throws -> (DatabaseQueue, DatabaseFile.Stamp?) {
        var config = Configuration()
        config.readonly = true
        config.label = "crm"
        // A writer holding the lock (rollback journal) makes readers wait up to this long, not fail at once.
        config.busyMode = .timeout(busyTimeout)
        if file.isWAL && !file.walFileExists {
            let stamp = file.stamp
            return (try connect(file.immutableURI, config, file, busyTimeout), stamp)
        }
        do {
            let queue = try DatabaseQueue(path: file.absolute, configuration: config)
            // SQLite opens lazily: read once now, so a -wal it cannot use fails here, with a clear message.
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return (queue, nil)
        } catch {
            if let e = error as? CRMError { throw e }
            if isBusy(error) { throw lockedError(file.path, busyTimeout) }
            if file.isWAL, !file.folderWritable {
                let walSize = DatabaseFile.fileStamp(file.walPath)?.size ?? 0
                if walSize == 0 {
                    // An empty -wal holds nothing: the main file is the whole database.
                    let stamp = file.stamp
                    return (try connect(file.immutableURI, config, file, busyTimeout), stamp)
                }
                throw CRMError("database \(file.path) has changes not yet checkpointed (in \(file.path)-wal) that SQLite cannot read "
                    + "in a read-only folder without its -shm file: checkpoint it where it can be written "
                    + "(sqlite3 \(file.path) 'PRAGMA wal_checkpoint(TRUNCATE)'), or copy the database with its -wal file to a writable folder")
            }
            throw CRMError("cannot open database \(file.path): \(Self.reason(error))")
        }
    }

    private static func connect(_ location: String, _ config: Configuration, _ file: DatabaseFile, _ busyTimeout: Double) throws -> DatabaseQueue {
        do { return try DatabaseQueue(path: location, configuration: config) } catch {
            if isBusy(error) { throw lockedError(file.path, busyTimeout) }
            throw CRMError("cannot open database \(file.path): \(Self.reason(error))")
        }
    }

    static func isBusy(_ error: Error) -> Bool {
        guard let e = error as? DatabaseError else { return false }
        return e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED
    }

    static func lockedError(_ path: String, _ timeout: Double) -> CRMError {
        CRMError("database \(path) is locked by another connection (a writer held its lock for more than \(seconds(timeout)) s): "
            + "run again when the writer has finished, or raise busy_timeout_seconds in the config")
    }

    static func seconds(_ t: Double) -> String { t == t.rounded() ? String(Int(t)) : String(t) }

    /// Checks, before anything opens it, that the path is a readable regular SQLite file (exit 2 otherwise).
    public static func checkFile(path: String) throws { _ = try DatabaseFile(path: path) }

    static func reason(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return "\(error)"
    }

    /// Which contract tables are present and which columns each lacks.
    public struct SchemaCheck: Sendable {
        public var present: [String: [String]] = [:]   // table -> contract columns it has
        public var notes: [Reason] = []
    }

    /// Checks the schema: a missing required table, or a missing required column of a
    /// table in use, is an error naming it. Absent optional tables and nullable columns are notes.
    public static func checkSchema(_ db: Database, contract: SchemaContract = .v1) throws -> SchemaCheck {
        let objects: [String: String]
        do {
            objects = Dictionary(try Row.fetchAll(db, sql: "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')")
                .map { (($0["name"] as String? ?? "").lowercased(), $0["type"] as String? ?? "") }, uniquingKeysWith: { a, _ in a })
        } catch {
            throw CRMError("not a readable SQLite database: \(reason(error))")
        }
        return try check(contract, objects: Set(objects.keys)) { table in
            do { return Set(try db.columns(in: table).map { $0.name.lowercased() }) } catch {
                throw CRMError("cannot read the columns of table '\(table)': \(reason(error))")
            }
        }
    }

    /// Reads the whole snapshot on two connections in parallel, as one snapshot.
    ///
    /// Each connection holds one read transaction. `PRAGMA data_version` on a third connection,
    /// read before and after both transactions have taken their snapshot, tells whether anything
    /// was committed in between; if so, the attempt is abandoned and made again.
    public func read() throws -> Snapshot { try read(choosing: nil) }

    /// Reads one person's part of the snapshot: `choose` picks the contacts from the keys of every
    /// contact visible at A (it throws to refuse, e.g. no match), then only their rows are read
    /// (`ContactScope`), with the rules and the one-snapshot proof of a whole read. SQLite only.
    public func read(scope choose: @escaping @Sendable (ContactKeys) throws -> ContactScope) throws -> Snapshot {
        try read(choosing: choose)
    }

    /// The whole snapshot with the contacts' keys as typed (`Snapshot.contactKeys`, in the same
    /// snapshot), for lists that need the push token. SQLite only.
    public func readWithKeys() throws -> Snapshot { try read(choosing: nil, keepKeys: true) }

    private func read(choosing choose: (@Sendable (ContactKeys) throws -> ContactScope)?, keepKeys: Bool = false) throws -> Snapshot {
        if case .postgres(var server) = try DatabaseLocation(path) {
            if choose != nil || keepKeys {
                throw CRMError("this command reads SQLite files only for now; copy the CRM into one with crm-report copy first")
            }
            server.statementTimeoutSeconds = statementTimeout
            return try PostgresSnapshotReader(location: server, schema: schema, asOf: asOf, zone: zone, progress: progress,
                                              contactsRead: contactsRead).read()
        }
        let started = Date()
        var attempts = 0
        // A busy database is retried for as long as the busy timeout allows (at least five attempts).
        while attempts < 5 || Date().timeIntervalSince(started) < busyTimeout {
            attempts += 1
            let file = try DatabaseFile(path: path)
            let (probe, stamp) = try Self.open(file, busyTimeout: busyTimeout)
            let (a, _) = try Self.open(file, busyTimeout: busyTimeout), (b, _) = try Self.open(file, busyTimeout: busyTimeout)
            // Immutable: SQLite takes no locks and data_version proves nothing, so the files must be as they were.
            if let snapshot = try attempt(probe: probe, a: a, b: b, choose: choose, keepKeys: keepKeys), stamp == nil || stamp == file.stamp { return snapshot }
        }
        throw CRMError("the database kept changing while it was being read (\(attempts) attempts in \(Self.seconds(Date().timeIntervalSince(started).rounded())) s); "
            + "run again when its writer is idle: \(path)")
    }

    private func attempt(probe: DatabaseQueue, a: DatabaseQueue, b: DatabaseQueue,
                         choose: (@Sendable (ContactKeys) throws -> ContactScope)?, keepKeys: Bool) throws -> Snapshot? {
        let (version, schema) = try guarded {
            try probe.read { db in (try Int.fetchOne(db, sql: "PRAGMA data_version"), try Self.checkSchema(db)) }
        }
        let gate = StartGate(parties: 2)
        let parser = TimestampParser(zone: zone)
        // The keys are read after `version`, so a commit since makes the read start again.
        let keys: ContactKeys? = choose == nil && !keepKeys ? nil : try guarded {
            try probe.read { db in
                try ContactKeys.read(SQLiteTableSource(db: db), present: Set(schema.present[ContactTable.tableName] ?? []),
                                     parser: parser, asOf: self.asOf, pushTokens: keepKeys)
            }
        }
        let filters: [String: String] = try keys.flatMap { keys in try choose.map { try $0(keys).filters(present: schema.present) } } ?? [:]
        let (asOf, zone, progress, contactsRead) = (self.asOf, self.zone, self.progress, self.contactsRead)
        var unchanged = false
        let snapshot = try guarded {
            try ParallelShares.read(gate: gate, go: {
                unchanged = (try? probe.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }) == version
                return unchanged
            }) { share, contacts, campaigns in
                try (share == .a ? a : b).read { db -> Snapshot? in
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")   // takes the snapshot
                    guard gate.arrive() else { return nil }
                    var scanner = TableScanner(schema: schema, parser: parser, asOf: asOf, zone: zone, progress: progress)
                    scanner.contactsRead = contactsRead
                    try scanner.read(share, from: SQLiteTableSource(db: db, filters: filters), contacts: contacts, campaigns: campaigns)
                    return scanner.snapshot
                }
            }
        }
        guard unchanged, var snapshot else { return nil }
        if keepKeys { snapshot.contactKeys = keys }
        return snapshot
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as CRMError { throw e } catch {
            if Self.isBusy(error) { throw Self.lockedError(path, busyTimeout) }
            throw CRMError("cannot read database \(path): \(Self.reason(error))")
        }
    }
}
