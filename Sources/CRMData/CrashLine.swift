import Foundation

/// Under a memory limit (`ulimit -v`) an allocation that fails stops the process where no Swift
/// code can catch it (the runtime traps; C++ aborts), and the runtime's backtracer then prints a
/// page of stack frames. When such a limit is set, crm-report installs its own handler for those
/// signals instead: it writes one line naming the step that ran out ("out of memory while
/// computing the reports (ulimit -v allows 409600 KB)"), removes the partial database file a
/// `demo` or `import` was writing, and exits 3. A publish in progress leaves only its hidden
/// staging folder, which the next run removes. Everything the handler uses is prepared before
/// (fixed buffers, no allocation in the handler).
public enum CrashLine {
    private static let capacity = 4096
    nonisolated(unsafe) private static let line = emptyBuffer()
    nonisolated(unsafe) private static let partial = emptyBuffer()
    nonisolated(unsafe) private static var limitKB: UInt64 = 0

    /// The address-space limit in KB (`ulimit -v`), nil when there is none.
    public static var addressSpaceLimitKB: UInt64? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return UInt64(limit.rlim_cur) / 1024
    }

    /// Installs the handler when a memory limit is set; called once at start-up.
    public static func install() {
        guard let kb = addressSpaceLimitKB else { return }
        limitKB = kb
        _ = (line, partial)   // both buffers made now: the handler must not be the first to touch them
        setStep(nil)
        for sig in [SIGABRT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in
                _ = write(2, CrashLine.line, strlen(CrashLine.line))
                if CrashLine.partial[0] != 0 { unlink(CrashLine.partial) }
                _exit(3)
            }
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
        }
    }

    /// Ends the run as the handler does, for an allocation failure that was caught (in C++).
    public static func outOfMemory() -> Never {
        if limitKB == 0 { setStepLine(nil, limit: "no ulimit -v set") }
        _ = write(2, line, strlen(line))
        if partial[0] != 0 { unlink(partial) }
        _exit(3)
    }

    /// The step now running, for the line (nil: none named).
    public static func setStep(_ step: String?) {
        guard limitKB > 0 else { return }
        setStepLine(step, limit: "ulimit -v allows \(limitKB) KB")
    }

    private static func setStepLine(_ step: String?, limit: String) {
        copy("crm-report: out of memory\(step.map { " while \($0)" } ?? "") (\(limit)); nothing half-written was published\n", into: line)
    }

    /// The partial file to remove should the process stop (nil: none).
    public static func setPartialFile(_ path: String?) {
        guard limitKB > 0 else { return }
        copy(path ?? "", into: partial)
    }

    private static func emptyBuffer() -> UnsafeMutablePointer<CChar> {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer[0] = 0
        return buffer
    }

    private static func copy(_ text: String, into buffer: UnsafeMutablePointer<CChar>) {
        let bytes = Array(text.utf8.prefix(capacity - 1))
        // The terminating NUL goes first, so a handler never reads a half-copied line past its end.
        buffer[min(bytes.count, capacity - 1)] = 0
        for (i, b) in bytes.enumerated() { buffer[i] = CChar(bitPattern: b) }
    }
}
