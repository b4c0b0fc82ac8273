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
    /// The PostgreSQL schema that holds the contract tables (`--schema`); SQLite has none.
    public var schema = "public"

    public init(path: String, asOf: Instant, zone: ZoneClock) {
        self.path = path
        self.asOf = asOf
        self.zone = zone
    }

    /// Opens the database read-only. In a folder we may not write to, SQLite is
    /// told the file is immutable, so it never tries to create `-wal`/`-shm` files there.
    public static func open(path: String) throws -> DatabaseQueue {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw CRMError("database not found: \(path)")
        }
        guard !isDir.boolValue else { throw CRMError("database path is a folder, not a file: \(path)") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw CRMError("database is not readable: \(path)") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CRMError("database cannot be opened: \(path)") }
        let header = handle.readData(ofLength: 16)
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else {
            throw CRMError("not a SQLite database: \(path)")
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let folder = (absolute as NSString).deletingLastPathComponent
        var config = Configuration()
        config.readonly = true
        config.label = "crm"
        let location: String
        if access(folder, W_OK) != 0 {
            let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
            location = "file:\(escaped)?immutable=1"
        } else {
            location = absolute
        }
        do {
            return try DatabaseQueue(path: location, configuration: config)
        } catch {
            throw CRMError("cannot open database \(path): \(Self.reason(error))")
        }
    }

    static func reason(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return "\(error)"
    }

    /// Which contract tables are present and which columns each lacks.
    public struct SchemaCheck: Sendable {
        public var present: [String: [String]] = [:]   // table -> contract columns it has
        public var notes: [String] = []
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
    public func read() throws -> Snapshot {
        if case .postgres(let server) = try DatabaseLocation(path) {
            return try PostgresSnapshotReader(location: server, schema: schema, asOf: asOf, zone: zone, progress: progress).read()
        }
        let probe = try Self.open(path: path)
        let a = try Self.open(path: path), b = try Self.open(path: path)
        for _ in 0..<5 {
            if let snapshot = try attempt(probe: probe, a: a, b: b) { return snapshot }
        }
        throw CRMError("the database kept changing while it was being opened; run again: \(path)")
    }

    private func attempt(probe: DatabaseQueue, a: DatabaseQueue, b: DatabaseQueue) throws -> Snapshot? {
        let (version, schema) = try guarded {
            try probe.read { db in (try Int.fetchOne(db, sql: "PRAGMA data_version"), try Self.checkSchema(db)) }
        }
        let gate = StartGate(parties: 2)
        let contacts = Handoff<IDIndex>(), campaigns = Handoff<IDIndex>()
        let parser = TimestampParser(zone: zone)
        let (asOf, zone, progress) = (self.asOf, self.zone, self.progress)
        let group = DispatchGroup()
        let results = Results()
        for share in [TableScanner.Share.a, .b] {
            group.enter()
            // Own threads, not the global queue: its pool is as wide as the cores, and a reader
            // parked at the start gate would hold the other back until the pool grows (about 1 s).
            let thread = Thread {
                defer { group.leave() }
                do {
                    let part = try (share == .a ? a : b).read { db -> Snapshot? in
                        _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")   // takes the snapshot
                        guard gate.arrive() else { return nil }
                        var scanner = TableScanner(schema: schema, parser: parser, asOf: asOf, zone: zone, progress: progress)
                        try scanner.read(share, from: SQLiteTableSource(db: db), contacts: contacts, campaigns: campaigns)
                        return scanner.snapshot
                    }
                    results.set(share, part)
                } catch {
                    contacts.fail()
                    campaigns.fail()
                    results.fail(error)
                    _ = gate.arrive()
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        gate.waitForAll()
        let unchanged = (try? probe.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }) == version
        gate.decide(unchanged && results.error == nil)
        group.wait()
        if let error = results.error {
            if let e = error as? CRMError { throw e }
            throw CRMError("cannot read database \(path): \(Self.reason(error))")
        }
        guard unchanged, let first = results.a, let second = results.b else { return nil }
        return TableScanner.merge(first, second)
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as CRMError { throw e } catch {
            throw CRMError("cannot read database \(path): \(Self.reason(error))")
        }
    }

    /// The two readers' parts, set from their threads.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [TableScanner.Share: Snapshot] = [:]
        private var firstError: Error?
        func set(_ share: TableScanner.Share, _ part: Snapshot?) { lock.lock(); parts[share] = part; lock.unlock() }
        func fail(_ e: Error) { lock.lock(); if firstError == nil { firstError = e }; lock.unlock() }
        var error: Error? { lock.lock(); defer { lock.unlock() }; return firstError }
        var a: Snapshot? { lock.lock(); defer { lock.unlock() }; return parts[.a] }
        var b: Snapshot? { lock.lock(); defer { lock.unlock() }; return parts[.b] }
    }
}
