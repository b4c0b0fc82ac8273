import Audits
import CRMData
import Foundation

/// How `generate` and `audit` end: the checks that could not run named on standard error, the
/// verdict written as JUnit XML (`--junit`), and exit 1 when `--fail-on` fails.
enum GateExit {
    /// `--junit FILE` must be writable before any work: a bad path is bad input, nothing written.
    static func checkJUnitPath(_ path: String?) throws {
        guard let path else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw CRMError("--junit: \(path) is a folder, not a file")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CRMError("--junit: no such folder: \(folder)")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else { throw CRMError("--junit: folder not writable: \(folder)") }
    }

    static func finish(_ verdict: GateVerdict, junit: String?) throws {
        for line in verdict.notRunLines { FileHandle.standardError.write(Data("crm-report: \(line)\n".utf8)) }
        if let junit {
            do { try Data(JUnitReport.xml(verdict).utf8).write(to: URL(fileURLWithPath: junit), options: .atomic) } catch {
                throw CRMError("--junit: cannot write \(junit): \(error.localizedDescription)")
            }
        }
        if verdict.result == .fail { throw ExitStatus.FindingsAtOrAbove(summary: verdict.outcome.summary) }
    }
}
