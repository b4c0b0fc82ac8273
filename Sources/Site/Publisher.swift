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
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            } catch {
                throw WriteFailure.error(writing: url.path, error)   // names the file and why (file too large, disk full)
            }
        }
        public init() {}
    }

    public init(outputRoot: URL) { self.outputRoot = outputRoot }

    /// The small file that marks an output folder as crm-report's, written on every publish.
    public static let manifestName = ".crm-report"
    static let manifest = Data("""
        This folder is published by crm-report. crm-report publishes only into an empty folder
        or one carrying this file, so that it never overwrites files it did not write.

        """.utf8)

    /// Checks, before any work and without writing anything, that the output folder may be
    /// published into: it is (or can be made) a writable folder, and it is empty (but for hidden files), or new, or
    /// crm-report's own (it carries the manifest, or is an earlier version's output: see
    /// `isEarlierOutput`). Otherwise exit 2: an unrelated index.html was overwritten silently.
    public func checkOutputRoot() throws {
        let path = outputRoot.path
        var st = stat()
        guard stat(path, &st) == 0 else {
            // Not there yet: the nearest folder that is must let us create it.
            var parent = outputRoot.deletingLastPathComponent()
            while stat(parent.path, &st) != 0, parent.path != "/" { parent = parent.deletingLastPathComponent() }
            guard st.st_mode & S_IFMT == S_IFDIR else { throw CRMError("output folder cannot be created: \(parent.path) is not a folder") }
            guard access(parent.path, W_OK | X_OK) == 0 else {
                throw CRMError("output folder \(path) cannot be created: \(parent.path) is not writable")
            }
            return
        }
        guard st.st_mode & S_IFMT == S_IFDIR else { throw CRMError("output path is not a folder: \(path)") }
        guard access(path, W_OK | X_OK) == 0 else { throw CRMError("output folder is not writable: \(path)") }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw CRMError("output folder cannot be read: \(path)")
        }
        // Hidden entries (.gitkeep, .git of a Pages checkout) count as empty: a publish never touches them.
        if names.allSatisfy({ $0.hasPrefix(".") }) || names.contains(Self.manifestName) || isEarlierOutput(names) { return }
        let foreign = names.sorted().prefix(3).joined(separator: ", ")
        throw CRMError("output folder \(path) holds files crm-report did not write (\(foreign)\(names.count > 3 ? ", ..." : "")): "
            + "use an empty or new folder, or one crm-report made (it carries a \(Self.manifestName) file)")
    }

    /// Output of a version before the manifest: every visible entry is a period folder or an
    /// index.html whose footer names crm-report. Hidden entries (.git of a Pages checkout) are never touched.
    func isEarlierOutput(_ names: [String]) -> Bool {
        let visible = names.filter { !$0.hasPrefix(".") }
        guard visible.contains("index.html"),
              let data = FileManager.default.contents(atPath: outputRoot.appendingPathComponent("index.html").path),
              let footer = String(decoding: data, as: UTF8.self).components(separatedBy: "<footer>").last?.components(separatedBy: "</footer>").first,
              footer.contains("crm-report ") else { return false }
        return visible.allSatisfy { $0 == "index.html" || Self.isPeriodLabel($0) }
    }

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
        try checkOutputRoot()
        let target = outputRoot.appendingPathComponent(label)
        let staging = outputRoot.appendingPathComponent(".\(label).partial")
        let retired = outputRoot.appendingPathComponent(".\(label).old")
        do {
            let manifest = outputRoot.appendingPathComponent(Self.manifestName)
            if !exists(manifest) { try files.write(Self.manifest, manifest) }
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
            // Permission is the user's to fix (exit 2); anything else, a full disk say, is exit 3.
            throw CRMError("cannot publish \(target.path): \(error.localizedDescription)", kind: Self.isPermission(error) ? .badInput : .internalFailure)
        }
    }

    static func isPermission(_ error: Error) -> Bool {
        let ns = error as NSError
        let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
            ?? (ns.domain == NSPOSIXErrorDomain ? ns.code : nil)
        if let posix { return [EACCES, EPERM, EROFS].map(Int.init).contains(posix) }
        return ns.domain == NSCocoaErrorDomain && [CocoaError.fileWriteNoPermission.rawValue, CocoaError.fileReadNoPermission.rawValue,
                                                   CocoaError.fileWriteVolumeReadOnly.rawValue].contains(ns.code)
    }

    /// Replaces one file at the output root atomically (write beside, then rename).
    public func replaceRootFile(_ name: String, _ data: Data) throws {
        let url = outputRoot.appendingPathComponent(name)
        do { try data.write(to: url, options: .atomic) } catch {
            throw WriteFailure.error(writing: url.path, error)
        }
    }
}
