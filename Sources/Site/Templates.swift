import CRMData
import Foundation
import Mustache

/// The Mustache templates of report-templates/, found beside the executable (or named
/// by CRM_REPORT_TEMPLATES), loaded once and checked before any work is done.
public struct Templates: Sendable {
    let library: MustacheLibrary
    public let folder: String

    public static let pageNames = ["layout", "style", "summary", "funnel", "cohorts", "rfm", "campaigns", "audit-contacts", "audit-consent", "audit-gate", "data-quality", "archive", "chart", "email", "email-text", "contact"]

    /// Candidate folders: $CRM_REPORT_TEMPLATES, then the installed share folder beside the executable's
    /// folder (`bin/../share/crm-report/report-templates`, as `make install` and the Debian package lay it out),
    /// then report-templates/ in the executable's folder and its ancestors (a build folder inside the
    /// checkout), then in the current folder.
    public static func locate(executable: String = executablePath(),
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              currentFolder: String = FileManager.default.currentDirectoryPath) throws -> String {
        var candidates: [String] = []
        if let env = environment["CRM_REPORT_TEMPLATES"] { candidates.append(env) }
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(dir.deletingLastPathComponent().appendingPathComponent("share/crm-report/report-templates").path)
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("report-templates").path)
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(currentFolder + "/report-templates")
        for c in candidates where FileManager.default.fileExists(atPath: c + "/layout.mustache") { return c }
        throw CRMError("report templates not found (looked for share/crm-report/report-templates beside the executable's folder and report-templates/ beside the executable); set CRM_REPORT_TEMPLATES to the folder")
    }

    /// The running executable's own path: argv[0] is only a name when the binary was found on PATH
    /// (`crm-report generate` after `apt-get install`), so the kernel's link is asked first.
    public static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        if let path = Bundle.main.executablePath { return path }
        return CommandLine.arguments.first ?? "."
    }

    public init(folder: String? = nil) throws {
        let folder = try folder ?? Self.locate()
        self.folder = folder
        var lib = MustacheLibrary()
        MustacheContentTypes.register(IsolatingHTML(), named: IsolatingHTML.name)
        for name in Self.pageNames {
            let path = "\(folder)/\(name).mustache"
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw CRMError("report template missing or unreadable: \(path)")
            }
            // Every template (partials too: Mustache starts each in plain HTML) escapes through IsolatingHTML.
            do { try lib.register("{{% CONTENT_TYPE: \(IsolatingHTML.name)}}\n" + text, named: name) } catch {
                throw CRMError("report template \(path) does not parse: \(error)")
            }
        }
        library = lib
    }

    public func render(_ name: String, _ context: [String: Any]) throws -> String {
        guard let text = library.render(context, withTemplate: name) else {
            throw CRMError("report template '\(name)' is not loaded", kind: .internalFailure)
        }
        return text
    }
}
