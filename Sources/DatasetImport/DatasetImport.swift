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

    /// Writes the database into a temporary file beside `path` and moves it into place when complete.
    @discardableResult
    public static func run(_ name: String, from folder: String, to path: String) throws -> String {
        guard let importer = importer(named: name) else {
            throw CRMError("import: unknown dataset '\(name)' (known: \(all.map { $0.name }.joined(separator: ", ")))")
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw CRMError("import: dataset folder not found: \(folder)")
        }
        let temp = path + ".partial"
        // Never delete a folder (or a device) that sits where the database or its temporary file goes.
        for p in [path, temp] {
            var st = stat()
            if stat(p, &st) == 0, st.st_mode & S_IFMT != S_IFREG {
                throw CRMError("import: \(p) exists and is not a regular file; it is left as it is")
            }
        }
        try? FileManager.default.removeItem(atPath: temp)
        do {
            var config = Configuration()
            config.foreignKeysEnabled = false
            let queue = try DatabaseQueue(path: temp, configuration: config)
            let summary = try queue.write { db -> String in
                try db.execute(sql: contractDDL)
                return try importer.load(from: URL(fileURLWithPath: folder), into: db)
            }
            try queue.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temp, toPath: path)
            return summary
        } catch let e as CRMError {
            try? FileManager.default.removeItem(atPath: temp)
            throw e
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw CRMError("import \(name): \(error)")
        }
    }
}
