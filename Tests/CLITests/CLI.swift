import Foundation
import Testing
import TestSupport

/// Runs the real `crm-report` executable, as a user or a CI job would.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The checkout (the folder of Package.swift).
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("crm-report"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/crm-report"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    /// A run still going after `timeout` seconds is killed (SIGTERM): a hang fails the test instead of stalling the suite.
    static func run(_ arguments: [String], in folder: URL? = nil, timeout: Double = 120, environment: [String: String] = [:],
                    executable: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if process.isRunning { process.terminate() } }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh folder holding a demo CRM (`demo.sqlite`), and `out`, where `generate` published its
    /// period as of `published` (nil: nothing published yet).
    static func demoSite(contacts: Int = 200, published: String? = "2026-11-23") throws -> (folder: URL, db: String, out: URL) {
        let folder = try scratch()
        let db = folder.appendingPathComponent("demo.sqlite").path
        let out = folder.appendingPathComponent("out")
        #expect(try run(["demo", "--db", db, "--contacts", String(contacts), "--as-of", "2026-11-23"]).status == 0)
        if let published {
            #expect(try run(["generate", "--db", db, "--as-of", published, "--out", out.path]).status == 0)
        }
        return (folder, db, out)
    }

    /// A fresh empty folder for one test.
    static func scratch() throws -> URL {
        try ScratchFolder.make("crm-cli")
    }

    /// Every file under a folder with its bytes, by relative path.
    static func tree(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let fm = FileManager.default
        guard let e = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
        }
        return files
    }
}
