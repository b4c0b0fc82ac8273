import CRMData
import Foundation
@testable import Site
import Testing

/// Where an installed binary finds its templates: PREFIX/bin/crm-report reads PREFIX/share/crm-report/report-templates.
@Suite struct TemplateLocationTests {
    static func installedTree() throws -> URL {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("crm-prefix-\(UUID().uuidString)")
        let share = prefix.appendingPathComponent("share/crm-report/report-templates")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try Data("{{{body}}}".utf8).write(to: share.appendingPathComponent("layout.mustache"))
        return prefix
    }

    @Test func theInstalledBinaryFindsItsShareFolder() throws {
        let prefix = try Self.installedTree()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let found = try Templates.locate(executable: prefix.appendingPathComponent("bin/crm-report").path, environment: [:], currentFolder: "/nonexistent")
        #expect(found == prefix.appendingPathComponent("share/crm-report/report-templates").path)
        // CRM_REPORT_TEMPLATES still wins.
        let named = try Templates.locate(executable: prefix.appendingPathComponent("bin/crm-report").path,
                                         environment: ["CRM_REPORT_TEMPLATES": Repo.templates], currentFolder: "/nonexistent")
        #expect(named == Repo.templates)
    }

    /// Found on PATH, argv[0] is only "crm-report": the executable's own path comes from the kernel.
    @Test func theExecutablePathIsTheRealOneNotArgvZero() {
        let path = Templates.executablePath()
        #expect(path.hasPrefix("/"))
        #expect(FileManager.default.isExecutableFile(atPath: path))
        #expect(URL(fileURLWithPath: path).lastPathComponent == URL(fileURLWithPath: CommandLine.arguments[0]).lastPathComponent)
    }

    @Test func noTemplatesIsOneClearError() throws {
        let prefix = try Self.installedTree()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let error = #expect(throws: CRMError.self) {
            try Templates.locate(executable: prefix.appendingPathComponent("elsewhere/bin/crm-report").path, environment: [:], currentFolder: "/nonexistent")
        }
        #expect(error?.message.hasSuffix("set CRM_REPORT_TEMPLATES to the folder") == true)
    }

    enum Repo {
        static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("report-templates").path
    }
}
