import CRMData
import Foundation
@testable import Site
import Testing
import TestSupport

/// Issue 13, item 8: a publish may be killed between any two file operations, twice in a row,
/// and a complete copy of the period always survives; the next run restores it.
@Suite("Recoverable publishing")
struct RecoverablePublishingTests {
    struct Kill: Error {}

    /// File operations that fail at the `at`-th rename or remove. `kill`: every later operation
    /// fails too, as if the process died there; otherwise only that one fails and the run goes on.
    final class Injector: @unchecked Sendable {
        let at: Int?
        let kill: Bool
        var count = 0
        var dead = false
        init(at: Int?, kill: Bool) { self.at = at; self.kill = kill }

        func step() throws {
            if dead { throw Kill() }
            defer { count += 1 }
            if count == at {
                if kill { dead = true }
                throw Kill()
            }
        }

        var operations: Publisher.FileOperations {
            var ops = Publisher.FileOperations()
            let base = Publisher.FileOperations()
            ops.rename = { [self] a, b in try step(); try base.rename(a, b) }
            ops.remove = { [self] u in try step(); try base.remove(u) }
            ops.write = { [self] d, u in if dead { throw Kill() }; try base.write(d, u) }
            return ops
        }
    }

    static let label = "2026-W47"

    static func version(_ v: String) -> [(String, Data)] {
        [("index.html", Data("page \(v)".utf8)), ("charts/a.svg", Data("<svg>\(v)</svg>".utf8)),
         ("report.json", Data("{\"period\": {\"label\": \"\(label)\"}, \"v\": \"\(v)\"}".utf8))]
    }

    /// The version a folder holds completely, or nil when it is absent, partial or mixed.
    static func complete(_ folder: URL) -> String? {
        for v in ["A", "B", "C", "D"] {
            let want = Dictionary(uniqueKeysWithValues: version(v).map { ("/" + $0.0, $0.1) })
            if (try? tree(folder)) == want { return v }
        }
        return nil
    }

    static func tree(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    func publish(_ root: URL, _ v: String, _ injector: Injector) -> Bool {
        var p = Publisher(outputRoot: root)
        p.files = injector.operations
        return (try? p.publish(period: Self.label, files: Self.version(v))) != nil
    }

    /// After any run, killed or not: the period is recoverable, i.e. a complete copy sits in the
    /// period folder, or (killed between the two renames) in .PERIOD.old with no period folder.
    func expectRecoverable(_ root: URL, _ context: String) {
        let target = root.appendingPathComponent(Self.label), retired = root.appendingPathComponent(".\(Self.label).old")
        let ok = FileManager.default.fileExists(atPath: target.path) ? Self.complete(target) != nil : Self.complete(retired) != nil
        #expect(ok, "\(context): no complete copy left: \((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])")
    }

    /// The number of renames and removes one publish makes, starting from a given state.
    func operations(from setUp: (URL) -> Void) throws -> Int {
        let root = try CLI_scratch()
        setUp(root)
        let counter = Injector(at: nil, kill: false)
        #expect(publish(root, "Z", counter))
        return counter.count
    }

    func CLI_scratch() throws -> URL {
        try ScratchFolder.make("crm-publish")
    }

    @Test("killed at any rename or remove, twice in a row, a complete copy survives and the next run restores it", arguments: [true, false])
    func killedTwice(kill: Bool) throws {
        let first = try operations { root in _ = publish(root, "A", Injector(at: nil, kill: false)) }
        #expect(first >= 3)
        for i in 0...first {
            // The second run starts from whatever the first left, so it is counted from there.
            for j in 0...(first + 2) {
                let root = try CLI_scratch()
                defer { try? FileManager.default.removeItem(at: root) }
                #expect(publish(root, "A", Injector(at: nil, kill: false)))
                _ = publish(root, "B", Injector(at: i, kill: kill))
                expectRecoverable(root, "first run \(kill ? "killed" : "failed") at operation \(i)")
                _ = publish(root, "C", Injector(at: j, kill: kill))
                expectRecoverable(root, "first run stopped at \(i), second at \(j)")
                #expect(publish(root, "D", Injector(at: nil, kill: false)))
                #expect(Self.complete(root.appendingPathComponent(Self.label)) == "D")
                #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [Publisher.manifestName, Self.label], "left over after \(i), \(j)")
            }
        }
    }

    @Test("period labels are recognised strictly")
    func labels() {
        #expect(Publisher.isPeriodLabel("2026-W47") && Publisher.isPeriodLabel("2026-11"))
        #expect(!Publisher.isPeriodLabel("2026-W4") && !Publisher.isPeriodLabel("notes") && !Publisher.isPeriodLabel("2026-W47x"))
    }
}

/// The same through `generate`: a kill between the two renames, then a run that fails, leave the
/// period published and the archive linking only folders that exist.
@Suite("Recoverable publishing through generate")
struct RecoverableGenerateTests {
    @Test("an orphaned .PERIOD.old is restored by the next run, even one that fails before its swap")
    func orphanRestored() async throws {
        let db = try FixtureDB()
        try db.contact(1, created: "2025-01-01")
        try db.order(1, contact: 1, at: "2026-11-17", amount: 120)
        let out = db.folder.appendingPathComponent("out")
        var config = ReportConfig()
        config.db = db.path
        config.out = out.path
        config.asOf = "2026-11-23"
        let templates = try Templates(folder: PublishingTests.templates)
        _ = try await ReportRun(config: config, templates: templates).generate()
        let period = out.appendingPathComponent("2026-W47")
        let before = try Data(contentsOf: period.appendingPathComponent("report.json"))
        // A kill between the two renames of the swap leaves the period only in .2026-W47.old.
        try FileManager.default.moveItem(at: period, to: out.appendingPathComponent(".2026-W47.old"))
        struct Crash: Error {}
        var failing = ReportRun(config: config, templates: templates)
        failing.beforeSwap = { throw Crash() }
        await #expect(throws: CRMError.self) { _ = try await failing.generate() }
        #expect(try Data(contentsOf: period.appendingPathComponent("report.json")) == before)
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        for link in index.components(separatedBy: "href=\"").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) where !link.hasPrefix("http") && !link.hasPrefix("#") {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(link).path), "index.html links a missing \(link)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted().filter { !$0.hasPrefix(".crm-report") } == ["2026-W47", "index.html"])
    }
}
