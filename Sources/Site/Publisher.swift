import CRMData
import Foundation

/// Writes a period's files into a temporary folder beside the target and moves it
/// into place whole, only when everything succeeded: a failed run never leaves a
/// half-written period, and the previous publication stays untouched.
///
/// Recoverable at every step (a kill may come between any two file operations):
/// `PERIOD/` only ever appears by a rename of a complete folder, and the last complete copy
/// is deleted only once the new one is in place. A run first repairs what a killed run left:
/// it restores an orphaned `.PERIOD.old` (killed between the two renames of the swap), removes
/// `.PERIOD.old` when `PERIOD/` is in place (killed before the old copy was removed), and removes
/// `.PERIOD.partial` (never complete by definition).
public struct Publisher {
    public let outputRoot: URL
    /// For tests: called after the files are written and before the swap; throwing simulates a crash mid-publish.
    public var beforeSwap: () throws -> Void = {}
    /// The file operations, replaceable in tests to inject a failure (or a kill) at any one of them.
    public var files = FileOperations()

    public struct FileOperations {
        public var rename: (URL, URL) throws -> Void = { try FileManager.default.moveItem(at: $0, to: $1) }
        public var remove: (URL) throws -> Void = { try FileManager.default.removeItem(at: $0) }
        public var write: (Data, URL) throws -> Void = { data, url in
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        public init() {}
    }

    public init(outputRoot: URL) { self.outputRoot = outputRoot }

    func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Repairs what killed publishes left behind, for every period (the archive must not link a
    /// period whose folder a kill left in `.PERIOD.old`).
    func recoverAll() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: outputRoot.path)) ?? []
        var labels = Set<String>()
        for name in names where name.hasPrefix(".") {
            for suffix in [".old", ".partial"] where name.hasSuffix(suffix) {
                let label = String(name.dropFirst().dropLast(suffix.count))
                if Self.isPeriodLabel(label) { labels.insert(label) }
            }
        }
        for label in labels.sorted() { try recover(period: label) }
    }

    /// 2026-W47 or 2026-11: the only folders a publish makes.
    static func isPeriodLabel(_ s: String) -> Bool {
        let b = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { b[$0] >= 0x30 && b[$0] <= 0x39 } }
        guard b.count >= 7, digits(0..<4), b[4] == 0x2D else { return false }
        if b.count == 7 { return digits(5..<7) }
        return b.count == 8 && b[5] == 0x57 && digits(6..<8)
    }

    /// Repairs what a killed publish of `label` left behind (see the type's comment).
    func recover(period label: String) throws {
        let target = outputRoot.appendingPathComponent(label)
        let staging = outputRoot.appendingPathComponent(".\(label).partial")
        let retired = outputRoot.appendingPathComponent(".\(label).old")
        if exists(retired) {
            if exists(target) { try files.remove(retired) } else { try files.rename(retired, target) }
        }
        if exists(staging) { try files.remove(staging) }
    }

    /// Files by path relative to the period folder.
    public func publish(period label: String, files list: [(String, Data)]) throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: outputRoot, withIntermediateDirectories: true)
        } catch {
            throw CRMError("cannot create output folder \(outputRoot.path): \(error.localizedDescription)")
        }
        let target = outputRoot.appendingPathComponent(label)
        let staging = outputRoot.appendingPathComponent(".\(label).partial")
        let retired = outputRoot.appendingPathComponent(".\(label).old")
        do {
            try recoverAll()
            for (path, data) in list { try files.write(data, staging.appendingPathComponent(path)) }
            try beforeSwap()
            if exists(target) { try files.rename(target, retired) }
            try files.rename(staging, target)
            // The new copy is in place: only now may the old one go. Should this fail, the next run removes it.
            if exists(retired) { try? files.remove(retired) }
        } catch {
            // Best effort; a kill skips this, and the next run's recover() does the same.
            if !exists(target), exists(retired) { try? files.rename(retired, target) }
            if exists(staging) { try? files.remove(staging) }
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
