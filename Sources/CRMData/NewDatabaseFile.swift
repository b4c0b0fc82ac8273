import Foundation
import GRDB

/// A SQLite file written whole or not at all (`demo`, `import`): into `PATH.partial` beside the
/// target, without a journal (a failed write deletes the file instead of rolling back, so no
/// `-journal` file ever appears), then renamed into place by rename(2), which replaces an old
/// file atomically. An existing target is replaced only when `replace` is true (`--force`); a
/// folder or anything but a regular file is never touched. On any failure the partial file is
/// removed; a killed run's leftover is removed by the next one.
public enum NewDatabaseFile {
    public static func write<T>(to path: String, replace: Bool, command: String, _ body: (Database) throws -> T) throws -> T {
        CrashLine.setStep("writing \(path)")
        if let what = kind(path) {
            guard what == "a regular file" else { throw CRMError("\(command): \(path) is \(what), not a file; it is left as it is") }
            guard replace else { throw CRMError("\(command): \(path) already exists; pass --force to replace it") }
        }
        let temp = path + ".partial"
        if let what = kind(temp) {
            guard what == "a regular file" else { throw CRMError("\(command): \(temp) is in the way (\(what)); it is left as it is") }
            try? FileManager.default.removeItem(atPath: temp)   // a file only: the leftover of a killed run
        }
        CrashLine.setPartialFile(temp)
        defer { CrashLine.setPartialFile(nil) }
        do {
            var config = Configuration()
            config.journalMode = .default
            config.foreignKeysEnabled = false   // demo and datasets may hold dangling references on purpose
            let queue = try DatabaseQueue(path: temp, configuration: config)
            let result = try queue.writeWithoutTransaction { db -> T in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE")
                try db.execute(sql: contractDDL)
                return try body(db)
            }
            try queue.close()
            // Checked again at the end: a file that appeared meanwhile is still not replaced without --force.
            if !replace, kind(path) != nil { throw CRMError("\(command): \(path) already exists; pass --force to replace it") }
            guard rename(temp, path) == 0 else {
                throw CRMError("\(command): cannot move \(temp) to \(path): \(String(cString: strerror(errno)))", kind: .internalFailure)
            }
            return result
        } catch {
            let failure = WriteFailure.error(writing: path, error, grown: temp)   // before the file goes: its size tells why
            try? FileManager.default.removeItem(atPath: temp)
            throw failure
        }
    }

    /// What is at a path (following symlinks), or nil when nothing is.
    public static func kind(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return DatabaseFile.kindName(st.st_mode) ?? "a regular file"
    }
}
