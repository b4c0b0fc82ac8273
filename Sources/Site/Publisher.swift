import CRMData
import Foundation

/// Writes a period's files into a temporary folder beside the target and moves it
/// into place whole, only when everything succeeded: a failed run never leaves a
/// half-written period, and the previous publication stays untouched.
public struct Publisher {
    public let outputRoot: URL
    /// For tests: called after the files are written and before the swap; throwing simulates a crash mid-publish.
    public var beforeSwap: () throws -> Void = {}

    public init(outputRoot: URL) { self.outputRoot = outputRoot }

    /// Files by path relative to the period folder.
    public func publish(period label: String, files: [(String, Data)]) throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: outputRoot, withIntermediateDirectories: true)
        } catch {
            throw CRMError("cannot create output folder \(outputRoot.path): \(error.localizedDescription)")
        }
        let target = outputRoot.appendingPathComponent(label)
        let staging = outputRoot.appendingPathComponent(".\(label).partial")
        let retired = outputRoot.appendingPathComponent(".\(label).old")
        try? fm.removeItem(at: staging)
        try? fm.removeItem(at: retired)
        do {
            for (path, data) in files {
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            try beforeSwap()
            if fm.fileExists(atPath: target.path) { try fm.moveItem(at: target, to: retired) }
            try fm.moveItem(at: staging, to: target)
            try? fm.removeItem(at: retired)
        } catch {
            try? fm.removeItem(at: staging)
            if !fm.fileExists(atPath: target.path), fm.fileExists(atPath: retired.path) { try? fm.moveItem(at: retired, to: target) }
            if let e = error as? CRMError { throw e }
            throw CRMError("cannot publish \(target.path): \(error.localizedDescription)", kind: .internalFailure)
        }
    }

    /// Replaces one file at the output root atomically (write beside, then rename).
    public func replaceRootFile(_ name: String, _ data: Data) throws {
        let url = outputRoot.appendingPathComponent(name)
        do { try data.write(to: url, options: .atomic) } catch {
            throw CRMError("cannot write \(url.path): \(error.localizedDescription)", kind: .internalFailure)
        }
    }
}
