import Foundation

/// A thread of its own (not the concurrency pool) that is known to have started. Foundation's
/// `Thread.start()` says nothing when pthread_create fails (under `ulimit -v` there may be no
/// room for another stack), and whoever waits for that thread's work then waits forever: this
/// throws instead, so the run ends with one line.
public enum OwnThread {
    private final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    public static func start(stackSize: Int = 8 << 20, _ body: @escaping @Sendable () -> Void) throws {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<Work>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, work)
        guard status == 0 else {
            Unmanaged<Work>.fromOpaque(work).release()
            let reason = String(cString: strerror(status)).lowercased()
            throw CRMError(CrashLine.addressSpaceLimitKB.map { "out of memory: cannot start a thread (\(reason); ulimit -v allows \($0) KB)" }
                ?? "cannot start a thread: \(reason)", kind: .internalFailure)
        }
    }
}
