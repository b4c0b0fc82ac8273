import Foundation

/// Scratch folders for tests: all inside one folder per test process, removed when the process
/// exits, so a run of the suite leaves nothing behind in the temporary directory.
public enum ScratchFolder {
    /// A new empty folder named `prefix-UUID`.
    public static func make(_ prefix: String) throws -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static let root: URL = {
        atexit { try? FileManager.default.removeItem(atPath: ScratchFolder.rootPath) }
        return URL(fileURLWithPath: rootPath)
    }()

    private static let rootPath = FileManager.default.temporaryDirectory.appendingPathComponent("crm-tests-\(getpid())").path
}
