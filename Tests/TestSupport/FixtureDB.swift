import Formatting
import CRMData
import Foundation
import GRDB

/// A tiny CRM database for tests: the contract's tables (or some of them), rows given by
/// column name, and a snapshot read back through the real reader.
public final class FixtureDB: @unchecked Sendable {
    public let folder: URL
    public let path: String
    private let queue: DatabaseQueue

    /// - Parameters:
    ///   - omitTables: contract tables to leave out (to test absent optional or required tables).
    ///   - omitColumns: "table.column" names to leave out of their tables.
    public init(omitTables: Set<String> = [], omitColumns: Set<String> = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("crm.sqlite").path
        var config = Configuration()
        config.foreignKeysEnabled = false
        queue = try DatabaseQueue(path: path, configuration: config)
        let contract = SchemaContract.v1
        try queue.write { db in
            for table in contract.tables where !omitTables.contains(table.name) {
                let columns = Self.columnDefinitions(table.name).filter { !omitColumns.contains("\(table.name).\($0.name)") }
                try db.execute(sql: "CREATE TABLE \(table.name) (\(columns.map(\.sql).joined(separator: ", ")))")
            }
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The column lines of a table in the contract DDL, without constraints that name other tables.
    static func columnDefinitions(_ table: String) -> [(name: String, sql: String)] {
        guard let start = contractDDL.range(of: "CREATE TABLE \(table) (") else { return [] }
        let lines = contractDDL[start.upperBound...].split(separator: "\n").prefix { !$0.hasPrefix(")") }
        return lines.compactMap { raw in
            let code = raw.components(separatedBy: "--")[0].trimmingCharacters(in: .whitespaces)
            let words = code.split(separator: " ")
            guard words.count >= 2, ["INTEGER", "TEXT", "REAL"].contains(words[1].trimmingCharacters(in: [","])) else { return nil }
            var sql = code.hasSuffix(",") ? String(code.dropLast()) : code
            if let r = sql.range(of: " REFERENCES") { sql = String(sql[..<r.lowerBound]) }
            return (String(words[0]), sql)
        }
    }

    /// Inserts one row; nil values are NULL.
    public func insert(_ table: String, _ values: KeyValuePairs<String, (any DatabaseValueConvertible)?>) throws {
        let names = values.map(\.key)
        let args = StatementArguments(values.map { $0.value?.databaseValue ?? .null })
        try queue.write { db in
            try db.execute(sql: "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                           arguments: args)
        }
    }

    public func execute(_ sql: String) throws {
        try queue.write { try $0.execute(sql: sql) }
    }

    // MARK: Shorthands for the common rows

    public func contact(_ id: Int, created: String = "2024-01-01", email: String? = nil, phone: String? = nil,
                        source: String? = nil, region: String? = nil, deleted: String? = nil, segment: String? = nil) throws {
        try insert("contacts", ["id": id, "created_at": created, "email": email, "phone": phone, "source": source,
                                "region": region, "deleted_at": deleted, "segment": segment])
    }

    public func order(_ id: Int, contact: Int, at: String, amount: Double, status: String = "completed", channel: String? = nil) throws {
        try insert("orders", ["id": id, "contact_id": contact, "ordered_at": at, "amount": amount, "status": status, "channel": channel])
    }

    public func deal(_ id: Int, contact: Int? = nil, pipeline: String = "default", created: String, status: String = "open",
                     closed: String? = nil, amount: Double? = nil, owner: String? = nil, channel: String? = nil, lostReason: String? = nil) throws {
        try insert("deals", ["id": id, "contact_id": contact, "pipeline": pipeline, "created_at": created, "status": status,
                             "closed_at": closed, "amount": amount, "owner": owner, "channel": channel, "lost_reason": lostReason])
    }

    public func stage(deal: Int, _ stage: String, at: String) throws {
        try insert("deal_stages", ["deal_id": deal, "stage": stage, "entered_at": at])
    }

    /// Runs SQL on any database file (to alter a generated demo database).
    public static func execute(path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: sql) }
        try queue.close()
    }

    /// Switches a database file to WAL journal mode (checkpointed: no -wal or -shm file stays behind).
    public static func setJournalModeWAL(path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
        try queue.close()
    }

    /// Holds an exclusive lock on a rollback-journal database, as a busy writer does, for `seconds`
    /// from a background thread; returns once the lock is held.
    public static func holdExclusiveLock(path: String, seconds: Double) throws {
        let queue = try DatabaseQueue(path: path)
        let taken = DispatchSemaphore(value: 0)
        let thread = Thread {
            try? queue.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN EXCLUSIVE")
                taken.signal()
                Thread.sleep(forTimeInterval: seconds)
                try db.execute(sql: "COMMIT")
            }
            taken.signal()
        }
        thread.start()
        taken.wait()
    }

    /// A writer connection to a WAL database that never checkpoints: what it commits stays in the
    /// `-wal` file while it lives, as on a CRM server between checkpoints.
    public final class WALWriter: @unchecked Sendable {
        private let queue: DatabaseQueue
        public init(path: String) throws {
            var config = Configuration()
            config.foreignKeysEnabled = false
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
            queue = try DatabaseQueue(path: path, configuration: config)
        }
        public func execute(_ sql: String) throws { try queue.write { try $0.execute(sql: sql) } }
    }

    /// Reads the fixture as of the start of a day, through the real reader.
    public func snapshot(asOf day: String, timezone: String = "UTC") throws -> Snapshot {
        guard let zone = ZoneClock(identifier: timezone), let d = CivilDate.parse(day) else {
            throw CRMError("fixture: bad as-of \(day) or zone \(timezone)")
        }
        return try SnapshotReader(path: path, asOf: zone.startOfDay(d), zone: zone).read()
    }
}

