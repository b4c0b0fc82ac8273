import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The database file as found on disk, checked before SQLite (or anything else) opens it,
/// and how it must be opened so that the report never reads less than the database holds.
///
/// - Only a regular file is accepted: opening a FIFO blocks forever, a folder or a device
///   is never a database (issue 13, items 1 and 2).
/// - A WAL database whose `-wal` file exists is opened normally (read-only): SQLite reads the
///   committed rows still in the `-wal`. `immutable=1` would skip them (issue 13, item 3).
/// - A WAL database without a `-wal` file holds everything in the main file. It is opened with
///   `immutable=1`, because a read-only connection would create `-wal`/`-shm` files and leave
///   them behind. Immutable means SQLite takes no locks, so `stamp` is taken before and compared
///   after the read: a writer that started meanwhile changes one of them, and the read is retried.
/// - A rollback-journal database is opened normally, in any folder: its readers create no files.
struct DatabaseFile: Sendable {
    let path: String
    let absolute: String
    let isWAL: Bool

    /// What identifies the bytes SQLite reads under `immutable=1`: the main file and its `-wal`.
    struct Stamp: Equatable, Sendable {
        var main: FileStamp?
        var wal: FileStamp?
    }

    struct FileStamp: Equatable, Sendable {
        let device: UInt64, inode: UInt64, size: Int64, mtimeSeconds: Int, mtimeNanoseconds: Int, ctimeSeconds: Int, ctimeNanoseconds: Int
    }

    var walPath: String { absolute + "-wal" }
    var folder: String { (absolute as NSString).deletingLastPathComponent }

    /// Checks the path names a readable regular SQLite file and reads its header.
    init(path: String) throws {
        self.path = path
        absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw CRMError("database not found: \(path)") }
            if code == EACCES { throw CRMError("database is not readable: \(path)") }
            throw CRMError("cannot open database \(path): \(String(cString: strerror(code)))")
        }
        if let what = Self.kindName(st.st_mode) { throw CRMError("database path is \(what), not a regular file: \(path)") }
        // O_NONBLOCK: should the path have been swapped for a FIFO since stat(), open() must not hang.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == EACCES { throw CRMError("database is not readable: \(path)") }
            throw CRMError("cannot open database \(path): \(String(cString: strerror(code)))")
        }
        defer { close(fd) }
        var again = stat()
        guard fstat(fd, &again) == 0, Self.kindName(again.st_mode) == nil else {
            throw CRMError("database path is not a regular file: \(path)")
        }
        var header = [UInt8](repeating: 0, count: 100)
        let n = header.withUnsafeMutableBytes { read(fd, $0.baseAddress, 100) }
        guard n >= 20, header[0..<16].elementsEqual("SQLite format 3\0".utf8) else {
            throw CRMError("not a SQLite database: \(path)")
        }
        // Bytes 18 and 19 are the write and read format versions: 2 means WAL.
        isWAL = header[18] == 2 || header[19] == 2
    }

    /// nil for a regular file; otherwise what the path is, for the message.
    static func kindName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    static func fileStamp(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStamp(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                         mtimeSeconds: Int(st.st_mtim.tv_sec), mtimeNanoseconds: Int(st.st_mtim.tv_nsec),
                         ctimeSeconds: Int(st.st_ctim.tv_sec), ctimeNanoseconds: Int(st.st_ctim.tv_nsec))
    }

    var stamp: Stamp { Stamp(main: Self.fileStamp(absolute), wal: Self.fileStamp(walPath)) }

    /// True when SQLite must not be told the file is immutable: the `-wal` file may hold rows.
    var walFileExists: Bool { Self.fileStamp(walPath) != nil }

    var folderWritable: Bool { access(folder, W_OK) == 0 }

    var immutableURI: String {
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
        return "file:\(escaped)?immutable=1"
    }
}
