import Foundation
import Testing

/// The independent side of the e-mail tests: Debian's Python reads the message with its own
/// `email` package, and serves SMTP with python3-aiosmtpd (`make test` installs it).
enum MailPath {
    static let python = "/usr/bin/python3"
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Python")

    /// What parse_eml.py reports about a message (JSON), or nil (recorded as an issue) when Python is missing.
    static func parse(_ eml: URL) throws -> [String: Any]? {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("\(python) is missing: install python3 (Debian's)")
            return nil
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [scripts.appendingPathComponent("parse_eml.py").path, eml.path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            Issue.record("parse_eml.py failed: \(String(decoding: errors, as: UTF8.self))")
            return nil
        }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// A local SMTP server on 127.0.0.1 saving what arrives into `folder`; stopped by `stop()`.
    final class Server {
        let process = Process()
        let input = Pipe()
        let folder: URL
        let port: Int

        init?(folder: URL) throws {
            self.folder = folder
            let check = Process()
            check.executableURL = URL(fileURLWithPath: MailPath.python)
            check.arguments = ["-c", "import aiosmtpd"]
            check.standardError = Pipe()
            guard FileManager.default.isExecutableFile(atPath: MailPath.python), (try? check.run()) != nil else {
                Issue.record("\(MailPath.python) is missing")
                return nil
            }
            check.waitUntilExit()
            guard check.terminationStatus == 0 else {
                Issue.record("python3-aiosmtpd is missing: apt-get install python3-aiosmtpd (make test does)")
                return nil
            }
            let out = Pipe()
            process.executableURL = URL(fileURLWithPath: MailPath.python)
            process.arguments = [MailPath.scripts.appendingPathComponent("smtp_server.py").path, folder.path]
            process.standardInput = input
            process.standardOutput = out
            try process.run()
            var line = Data()
            while !line.contains(0x0A) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line += chunk
            }
            guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
                Issue.record("the SMTP server did not start")
                process.terminate()
                return nil
            }
            self.port = port
        }

        var url: String { "smtp://127.0.0.1:\(port)" }

        /// The messages received so far, oldest first, with their envelopes.
        func received() throws -> [(message: Data, envelope: [String: Any])] {
            var list: [(Data, [String: Any])] = []
            var n = 1
            while FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(n).json").path) {
                let env = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("\(n).json"))) as? [String: Any] ?? [:]
                list.append((try Data(contentsOf: folder.appendingPathComponent("\(n).eml")), env))
                n += 1
            }
            return list
        }

        func stop() {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }
}
