@testable import CRMData
import Foundation
import Formatting
import Testing
import TestSupport

/// A TCP listener on 127.0.0.1 that accepts connections and never sends a byte: a server that
/// hangs before it answers.
final class SilentServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32
    private let lock = NSLock()
    private var accepted: [Int32] = []

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        fd = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { a in
                bind(listener, a, length) == 0 && listen(listener, 8) == 0 && getsockname(listener, a, &length) == 0
            }
        }
        guard bound else { throw CRMError("the test cannot listen on 127.0.0.1", kind: .internalFailure) }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [weak self] in
            while true {
                let c = accept(listener, nil, nil)
                guard c >= 0 else { return }
                self?.keep(c)
            }
        }
    }

    private func keep(_ c: Int32) { lock.lock(); defer { lock.unlock() }; accepted.append(c) }

    deinit {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
        lock.lock(); defer { lock.unlock() }
        accepted.forEach { close($0) }
    }
}

/// A server that stops answering never hangs a run: the connect timeout, then the client's bound
/// on waiting for data (`statement_timeout_seconds` + 5 s) end it with one line, exit 3 (issue 19, item 4).
@Suite("PostgreSQL source: a stalled server", .serialized)
struct PostgresStallTests {
    @Test("a server that accepts and never answers: exit 3 naming it, within the connect timeout")
    func silentListener() throws {
        let server = try SilentServer()
        let location = try PostgresLocation(url: "postgresql://crm@127.0.0.1:\(server.port)/crm?sslmode=disable&connect_timeout=2")
        let started = Date()
        do {
            _ = try LibpqConnection.connect(location, passwords: PasswordSource(environment: ["PGPASSWORD": "x"], home: "/nonexistent"), purpose: .read)
            Issue.record("connected to a server that never answered")
        } catch let e as CRMError {
            #expect(e.kind == .internalFailure)
            #expect(e.message == "PostgreSQL at 127.0.0.1:\(server.port) did not answer within 2 s of connecting (connect_timeout): is it stopped or overloaded?")
        }
        let took = Date().timeIntervalSince(started)
        #expect(took >= 1.9 && took < 4, "\(took) s")
    }

    @Test("the same through the command: exit 3 and one line on standard error, no more")
    func silentListenerCommand() throws {
        let server = try SilentServer()
        let started = Date()
        let r = try CRMReportProcess.run(["check", "--db", "postgresql://crm@127.0.0.1:\(server.port)/crm?sslmode=disable&connect_timeout=2"])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr == "crm-report: PostgreSQL at 127.0.0.1:\(server.port) did not answer within 2 s of connecting (connect_timeout): is it stopped or overloaded?\n")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("a backend stopped (SIGSTOP) mid-read: exit 3 after statement_timeout_seconds + 5 s of silence, naming server and table",
          .enabled(if: TestServer.available, Comment(rawValue: TestServer.skipped)))
    func stoppedBackend() async throws {
        let db = try PostgresFailureTests.smallFixture()
        let schema = try await TestServer.load(db.path, label: "sigstop")
        // The orders scan takes 30 s a row: the server would cancel it after its statement timeout
        // (8 s) with an error of its own, unless its backend is stopped before, as here.
        try TestServer.psql("""
            ALTER TABLE \(schema).orders RENAME TO orders_data;
            CREATE VIEW \(schema).orders AS SELECT o.* FROM \(schema).orders_data o, LATERAL pg_sleep(30);
            """)
        let watcher = try LibpqConnection.connect(try TestServer.location(), passwords: TestServer.passwords, purpose: .write)
        // A thread of its own: the read below holds a thread of the (two-thread) task pool.
        let stopped = Stopped()
        Thread.detachNewThread {
            let until = Date().addingTimeInterval(20)
            while Date() < until {
                let pid = try? watcher.value("""
                    SELECT pid::text FROM pg_stat_activity WHERE application_name = 'crm-report' AND state = 'active'
                      AND query LIKE $1 LIMIT 1
                    """, ["COPY%\(schema)%orders%"])
                if let pid, let p = pid_t(pid), kill(p, SIGSTOP) == 0 { stopped.set(p); break }
                Thread.sleep(forTimeInterval: 0.02)
            }
            stopped.set(nil)
        }
        var location = try TestServer.location()
        location.statementTimeoutSeconds = 8
        let started = Date()
        let e = PostgresFailureTests.failure { try PostgresFailureTests.read(location, schema: schema) }
        let took = Date().timeIntervalSince(started)
        let pid = stopped.wait()
        if let pid { kill(pid, SIGCONT) }
        #expect(pid != nil, "no reading backend was found to stop")
        #expect(e?.kind == .internalFailure)
        #expect(e?.message == "PostgreSQL at \(location) sent nothing for 13 s while reading table 'orders' (statement_timeout_seconds 8): is it stopped or overloaded?",
                "\(e?.message ?? "no error")")
        #expect(took >= 13 && took < 30, "\(took) s")
    }

    @Test("statement_timeout_seconds is read strictly, default 300, and sets the server's statement_timeout")
    func configKey() throws {
        var c = ReportConfig()
        #expect(c.statementTimeoutSeconds == 300)
        try ConfigFile.apply(yaml: "statement_timeout_seconds: 20", to: &c)
        #expect(c.statementTimeoutSeconds == 20)
        for bad in ["statement_timeout_seconds: 0", "statement_timeout_seconds: soon", "statement_timeout_seconds: 100000"] {
            var d = ReportConfig()
            #expect(throws: CRMError.self) { try ConfigFile.apply(yaml: bad, to: &d) }
        }
        var l = PostgresLocation(user: "u", host: "h", database: "d")
        l.statementTimeoutSeconds = 20
        let options = Dictionary(LibpqConnection.parameters(l, password: nil, purpose: .read), uniquingKeysWith: { _, b in b })["options"]
        #expect(options?.contains("-c statement_timeout=20000") == true)
        #expect(l.answerTimeout == 25)
    }

    @Test("server notices are kept for the error message, never written to standard error",
          .enabled(if: TestServer.available, Comment(rawValue: TestServer.skipped)))
    func notices() throws {
        let c = try LibpqConnection.connect(try TestServer.location(), passwords: TestServer.passwords, purpose: .write)
        try c.execute("DO $$ BEGIN RAISE WARNING 'terminating connection due to a test'; END $$")
        #expect(c.notices.last == "WARNING:  terminating connection due to a test")
        #expect(PostgresFailure.lost(table: "orders", c.location, notice: c.notices.last).message
            == "lost the connection to PostgreSQL at \(c.location) while reading table 'orders' (the server said: terminating connection due to a test)")
    }

    /// The backend the watcher stopped, handed to the test once.
    final class Stopped: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var pid: pid_t?
        private var set = false
        func set(_ p: pid_t?) {
            lock.lock(); defer { lock.unlock() }
            guard !set else { return }
            set = true
            pid = p
            done.signal()
        }
        func wait() -> pid_t? { done.wait(); lock.lock(); defer { lock.unlock() }; return pid }
    }
}
