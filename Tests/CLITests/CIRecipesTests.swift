import Foundation
import Testing
import Yams

/// The ready-made CI recipes of docs/ci parse as YAML, and their script lines (all but the package install,
/// which `make deb-test` covers) run against a demo database with the built crm-report on PATH, as a
/// runner would run them: the gate's exit is 0 or 1, every other line succeeds, and the site is published.
@Suite("CI recipes", .serialized)
struct CIRecipesTests {
    static let folder = CLI.repoRoot.appendingPathComponent("docs/ci")

    /// The GitHub Actions job's `run` steps in order, without the install step.
    static func githubScripts() throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent("github-actions.yml"), encoding: .utf8)
        // YAML 1.1 may read the bare key `on` as the boolean true, so the keys are not all strings.
        let workflow = try #require(try Yams.load(yaml: text) as? [AnyHashable: Any])
        #expect(workflow["on"] != nil || workflow[true] != nil)
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let job = try #require(jobs["report"] as? [String: Any])
        let steps = try #require(job["steps"] as? [[String: Any]])
        #expect(steps.contains { ($0["uses"] as? String)?.hasPrefix("actions/deploy-pages") == true })
        #expect(steps.contains { ($0["uses"] as? String)?.hasPrefix("actions/cache/restore") == true })
        #expect(steps.contains { ($0["name"] as? String) == "Install crm-report" })
        return steps.filter { ($0["name"] as? String) != "Install crm-report" }.compactMap { $0["run"] as? String }
    }

    /// The GitLab jobs' `script` lines, job by job in the order of `stages`; `before_script` is the install.
    static func gitlabScripts() throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent("gitlab-ci.yml"), encoding: .utf8)
        let pipeline = try #require(try Yams.load(yaml: text) as? [String: Any])
        let stages = try #require(pipeline["stages"] as? [String])
        let jobs = pipeline.compactMapValues { $0 as? [String: Any] }.filter { $0.value["script"] != nil }
        #expect(jobs["pages"] != nil, "GitLab publishes Pages from the job named pages")
        let ordered = jobs.sorted { (stages.firstIndex(of: $0.value["stage"] as? String ?? "") ?? 0, $0.key)
                                  < (stages.firstIndex(of: $1.value["stage"] as? String ?? "") ?? 0, $1.key) }
        return try ordered.map { try #require($0.value["script"] as? [String]).joined(separator: "\n") }
    }

    @Test("GitHub Actions and GitLab CI scripts run against the demo database", arguments: ["github", "gitlab"])
    func recipe(_ name: String) throws {
        var scripts = try name == "github" ? Self.githubScripts() : Self.gitlabScripts()
        #expect(scripts.count >= 2)
        #expect(scripts.contains { $0.contains("crm-report generate") && $0.contains("--fail-on violation") && $0.contains("--junit report-junit.xml") })
        // --junit is another change's; until the binary has it, the lines run without it.
        let help = try CLI.run(["generate", "--help"])
        let junit = help.stdout.contains("--junit")
        if !junit { scripts = scripts.map { $0.replacingOccurrences(of: " --junit report-junit.xml", with: "") } }

        let work = try CLI.scratch()
        let db = work.appendingPathComponent("crm.sqlite")
        #expect(try CLI.run(["demo", "--db", db.path, "--contacts", "400", "--seed", "7"]).status == 0)
        for script in scripts {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = ["-eo", "pipefail", "-c", script]
            p.currentDirectoryURL = work
            p.environment = ["PATH": CLI.binary.deletingLastPathComponent().path + ":/usr/bin:/bin", "CRM_DB": db.path,
                             "HOME": work.path]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            if script.contains("crm-report generate") {
                // The gate: 0, or 1 with the failing checks named; never bad input.
                #expect([0, 1].contains(p.terminationStatus), "\(script)\n\(message)")
                if p.terminationStatus == 1 { #expect(message.contains("fail-on violation:"), "\(message)") }
            } else {
                #expect(p.terminationStatus == 0, "\(script)\n\(message)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("output/index.html").path))
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("output/.crm-report").path))
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("public/index.html").path))
        if junit {
            let xml = try String(contentsOf: work.appendingPathComponent("report-junit.xml"), encoding: .utf8)
            #expect(xml.contains("<testsuite"))
        }
    }
}
