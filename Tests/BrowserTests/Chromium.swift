import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's headless Chromium, driven over the DevTools protocol on a pipe
/// (`--remote-debugging-pipe`: commands on the child's fd 3, replies and events on fd 4, each
/// message JSON ended by a NUL byte), so no driver, port or Python package is needed.
final class Chromium: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The browser binary, installed with apt (scripts/apt-ensure.sh, which runs apt-get update
    /// first) when it is missing; nil when it cannot be had, and then the checks are skipped.
    static let binary: String? = {
        let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        let script = repoRoot.appendingPathComponent("scripts/apt-ensure.sh").path
        FileHandle.standardError.write(Data("browser checks: installing Debian's chromium (apt-get)\n".utf8))
        _ = try? run("/bin/bash", [script, "chromium"], timeout: 600)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs a program to its end, killed after `timeout` seconds; returns its exit status.
    @discardableResult
    static func run(_ path: String, _ arguments: [String], timeout: TimeInterval) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        p.standardOutput = FileHandle.standardError
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
        return p.terminationStatus
    }

    private let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let profile: URL
    private let lock = NSCondition()
    private var replies: [Int: [String: Any]] = [:]
    private var events: [[String: Any]] = []
    private var nextID = 1
    private var closed = false

    init(binary: String) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("crm-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var commands: [Int32] = [0, 0], replies: [Int32] = [0, 0]
        guard pipe(&commands) == 0, pipe(&replies) == 0 else { throw Failure(description: "pipe() failed") }
        // Move every end above 10, close-on-exec, so the dup2 onto 3 and 4 below always happens
        // (dup2 of a descriptor onto itself would keep its close-on-exec flag).
        func high(_ fd: Int32) -> Int32 { let h = fcntl(fd, F_DUPFD_CLOEXEC, 10); close(fd); return h }
        let childRead = high(commands[0]), parentWrite = high(commands[1])
        let parentRead = high(replies[0]), childWrite = high(replies[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childRead, 3)
        posix_spawn_file_actions_adddup2(&actions, childWrite, 4)
        let log = profile.appendingPathComponent("chromium.log").path
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        var args = ["chromium", "--headless", "--remote-debugging-pipe", "--user-data-dir=\(profile.path)",
                    "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--hide-scrollbars", "--mute-audio", "--force-color-profile=srgb",
                    "--font-render-hinting=none", "about:blank"]
        if getuid() == 0 { args.insert("--no-sandbox", at: 1) }
        var cArgs = args.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, binary, &actions, nil, &cArgs, environ)
        close(childRead)
        close(childWrite)
        guard status == 0 else { throw Failure(description: "cannot start \(binary): posix_spawn \(status)") }
        pid = child
        toBrowser = parentWrite
        fromBrowser = parentRead
        let reader = Thread { [self] in readLoop() }
        reader.start()
    }

    /// Ends the browser (its own process, by its id) and removes its profile.
    func quit() {
        _ = try? call("Browser.close", timeout: 5)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(5)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline { kill(pid, SIGKILL); waitpid(pid, &status, 0); break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        close(toBrowser)
        try? FileManager.default.removeItem(at: profile)
    }

    private func readLoop() {
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(fromBrowser, &buffer, buffer.count)
            if n <= 0 { break }
            pending.append(contentsOf: buffer[0..<n])
            while let end = pending.firstIndex(of: 0) {
                let message = pending[pending.startIndex..<end]
                pending = Data(pending[(end + 1)...])
                guard let object = try? JSONSerialization.jsonObject(with: message) as? [String: Any] else { continue }
                lock.lock()
                if let id = object["id"] as? Int { replies[id] = object } else { events.append(object) }
                lock.broadcast()
                lock.unlock()
            }
        }
        close(fromBrowser)
        lock.lock()
        closed = true
        lock.broadcast()
        lock.unlock()
    }

    /// Sends one command and waits for its reply's `result`; an error reply or no reply in time throws.
    @discardableResult
    func call(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: TimeInterval = 30) throws -> [String: Any] {
        lock.lock()
        let id = nextID
        nextID += 1
        lock.unlock()
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        let written = data.withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
        guard written == data.count else { throw Failure(description: "\(method): the browser's pipe is closed") }
        lock.lock()
        defer { lock.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while replies[id] == nil && !closed {
            if !lock.wait(until: deadline) { throw Failure(description: "\(method): no reply in \(Int(timeout)) s") }
        }
        guard let reply = replies.removeValue(forKey: id) else { throw Failure(description: "\(method): the browser exited") }
        if let error = reply["error"] as? [String: Any] { throw Failure(description: "\(method): \(error["message"] ?? error)") }
        return reply["result"] as? [String: Any] ?? [:]
    }

    /// How many events have arrived so far: a mark to read the events after.
    var eventCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return events.count
    }

    /// The events of `session` since `mark`.
    func events(since mark: Int, session: String) -> [[String: Any]] {
        lock.lock()
        defer { lock.unlock() }
        return events[mark...].filter { $0["sessionId"] as? String == session }
    }

    /// Waits for an event `method` of `session` after `mark`.
    func wait(for method: String, session: String, since mark: Int, timeout: TimeInterval = 30) throws {
        lock.lock()
        defer { lock.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while !events[mark...].contains(where: { $0["method"] as? String == method && $0["sessionId"] as? String == session }) {
            if closed { throw Failure(description: "the browser exited while waiting for \(method)") }
            if !lock.wait(until: deadline) { throw Failure(description: "no \(method) in \(Int(timeout)) s") }
        }
    }
}
