import Foundation

/// Runs the two shares of a read (`TableScanner.Share`) on two threads of their own and merges
/// their parts; the first error of either is thrown, and the other share's wait for an index
/// it would never get ends with it. SQLite and PostgreSQL both read through it.
enum ParallelShares {
    /// One share's read: its part, or nil when the start gate said not to go on.
    typealias Body = @Sendable (TableScanner.Share, Handoff<IDIndex>, Handoff<IDIndex>) throws -> Snapshot?

    /// With a `gate`, each body calls `gate.arrive()` once its transaction holds its snapshot;
    /// when both have, `go()` decides whether they read on. nil when it said no.
    static func read(gate: StartGate? = nil, go: () -> Bool = { true }, _ body: @escaping Body) throws -> Snapshot? {
        let contacts = Handoff<IDIndex>(), campaigns = Handoff<IDIndex>()
        let results = Parts()
        let group = DispatchGroup()
        for share in [TableScanner.Share.a, .b] {
            group.enter()
            // Own threads, not the concurrency pool: a reader blocks while it waits for rows, for the
            // other's index or at the gate, and the pool is only as wide as the cores.
            do {
                try OwnThread.start {
                    defer { group.leave() }
                    do {
                        results.set(share, try body(share, contacts, campaigns))
                    } catch {
                        contacts.fail()
                        campaigns.fail()
                        results.fail(error)
                        _ = gate?.arrive()   // a share that failed before the gate must not hold it shut
                    }
                }
            } catch {
                // No thread: this share never arrives, so it is counted as arrived and failed.
                contacts.fail()
                campaigns.fail()
                results.fail(error)
                gate?.absent()
                group.leave()
            }
        }
        if let gate {
            gate.waitForAll()
            let goOn = go()
            gate.decide(goOn && !results.failed)
        }
        group.wait()
        let (first, second, error) = results.outcome
        if let error { throw error }
        guard let first, let second else { return nil }
        return TableScanner.merge(first, second)
    }

    /// The two readers' parts and the first error, set from their threads.
    private final class Parts: @unchecked Sendable {
        private let lock = NSLock()
        private var a: Snapshot?, b: Snapshot?
        private var firstError: Error?

        func set(_ share: TableScanner.Share, _ part: Snapshot?) {
            lock.lock(); defer { lock.unlock() }
            if share == .a { a = part } else { b = part }
        }

        /// Keeps the error that came first: the other reader's is only "a parallel reader failed".
        func fail(_ e: Error) { lock.lock(); defer { lock.unlock() }; if firstError == nil { firstError = e } }

        var failed: Bool { lock.lock(); defer { lock.unlock() }; return firstError != nil }

        var outcome: (Snapshot?, Snapshot?, Error?) { lock.lock(); defer { lock.unlock() }; return (a, b, firstError) }
    }
}
