import CRMData
import Crypto
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

    /// SHA-256 of a file, read in 4 MiB blocks (a 2.5 GB CRM does not fit a Data).
    public static func sha256(ofFile path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CRMError("cannot read \(path) to hash it") }
        defer { try? handle.close() }
        var hasher = SHA256()
        // read(upToCount:) throws where readData(ofLength:) would crash (a `try!` inside Foundation).
        do {
            while let block = try handle.read(upToCount: 4 << 20), !block.isEmpty { hasher.update(data: block) }
        } catch {
            throw CRMError("cannot read \(path) to hash it: \(error.localizedDescription)")
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    public static func sha256(of text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
