import CRMData
import Foundation
import GRDB

/// Turns a public dataset into a database of the input contract, so the reports can be
/// checked against the dataset's published figures. One importer per dataset.
public protocol DatasetImporter: Sendable {
    /// The name on the command line: `crm-report import <name>`.
    static var name: String { get }
    /// One line for --help.
    static var summary: String { get }
    /// Reads the dataset's files from `folder` and writes contract rows into `db`
    /// (the contract tables already exist). Returns what it wrote, for the user.
    static func load(from folder: URL, into db: Database) throws -> String
}

public enum DatasetImport {
    /// Every importer, by name.
    public static let all: [any DatasetImporter.Type] = [HillstromImporter.self, OnlineRetailImporter.self, MavenCRMImporter.self]

    public static func importer(named name: String) -> (any DatasetImporter.Type)? { all.first { $0.name == name } }

    /// Writes the database into a temporary file beside `path` and moves it into place when
    /// complete (`NewDatabaseFile`): all or nothing, and an existing file is replaced only with `replace` (`--force`).
    @discardableResult
    public static func run(_ name: String, from folder: String, to path: String, replace: Bool = false) throws -> String {
        guard let importer = importer(named: name) else {
            throw CRMError("import: unknown dataset '\(name)' (known: \(all.map { $0.name }.joined(separator: ", ")))")
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw CRMError("import: dataset folder not found: \(folder)")
        }
        return try NewDatabaseFile.write(to: path, replace: replace, command: "import") { db in
            var summary = ""
            try db.inTransaction {
                summary = try importer.load(from: URL(fileURLWithPath: folder), into: db)
                return .commit
            }
            return summary
        }
    }
}
