import CRMData
import Formatting
import Foundation

/// What a report was made from, named in every footer and in report.json:
/// the version, the as-of date, the configuration and the database's SHA-256.
public struct Provenance: Sendable {
    public static let version = "0.1.0"
    public static let generator = "crm-report \(version)"

    public let asOf: String
    public let timezone: String
    public let configHash: String
    public let databaseSHA256: String

    public init(asOf: String, timezone: String, configHash: String, databaseSHA256: String) {
        self.asOf = asOf
        self.timezone = timezone
        self.configHash = configHash
        self.databaseSHA256 = databaseSHA256
    }

    /// The provenance of a run of `config` on the as-of day, its database named by `databaseSHA256`.
    public init(config: ReportConfig, asOfDay: Int, databaseSHA256: String) throws {
        self.init(asOf: CivilDate.iso(asOfDay), timezone: config.timezone, configHash: try Provenance.sha256(of: config.canonicalText),
                  databaseSHA256: databaseSHA256)
    }

    /// How provenance names a run's database once it is read: a file by its SHA-256, a PostgreSQL
    /// server by its version and snapshot (`sourceIdentity`).
    public static func databaseIdentity(path: String, snapshot: Snapshot) throws -> String {
        databaseIdentity(hashed: DatabaseLocation.isPostgres(path) ? nil : try sha256(ofFile: path), snapshot: snapshot)
    }

    /// The same, with the file's hash (nil for PostgreSQL) from `hashingDatabase(at:)`.
    public static func databaseIdentity(hashed: String?, snapshot: Snapshot) -> String {
        hashed ?? snapshot.sourceIdentity ?? ""
    }

    /// Hashes the database file beside the read (about a second for 1.9 GB); nil for PostgreSQL.
    public static func hashingDatabase(at path: String) -> Task<String?, any Error> {
        Task.detached { DatabaseLocation.isPostgres(path) ? nil : try sha256(ofFile: path) }
    }

    /// SHA-256 of a file, read in 4 MiB blocks into one buffer (a 2.5 GB CRM does not fit a Data).
    /// Plain `read(2)`: Foundation's FileHandle reads 4 KiB a call and appends each into a growing
    /// Data, about 470,000 system calls and a copy of every byte for a 1.9 GB database.
    public static func sha256(ofFile path: String) throws -> String {
        func failure() -> CRMError { CRMError("cannot read \(path) to hash it: \(String(cString: strerror(errno)))") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure() }
        defer { close(fd) }
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 4 << 20, alignment: 64)
        defer { block.deallocate() }
        let hasher = try SHA256()
        while true {
            let count = read(fd, block.baseAddress, block.count)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            try hasher.update(UnsafeRawBufferPointer(rebasing: block[..<count]))
        }
        return try hasher.hexDigest()
    }

    public static func sha256(of text: String) throws -> String {
        try SHA256.hex(of: text.utf8)
    }

    /// The SHA-256 of bytes in memory (a findings file), hashed where they lie.
    public static func sha256(of data: Data) throws -> String {
        let hasher = try SHA256()
        try data.withUnsafeBytes { try hasher.update($0) }
        return try hasher.hexDigest()
    }
}
