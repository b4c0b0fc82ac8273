import Foundation

/// The one line for a file that could not be written: it names the file and the reason a user
/// can act on ("file too large" under `ulimit -f`, "no space left on device", "permission
/// denied"), where Foundation says "(NSCocoaErrorDomain error 512.)" and SQLite "disk I/O error".
/// Permission is the user's to fix (exit 2); anything else is exit 3.
public enum WriteFailure {
    /// `grown` is the file that was being written when it is not `path` itself (a temporary file
    /// beside it): its size tells a write that failed at the file size limit.
    public static func error(writing path: String, _ error: any Error, grown: String? = nil) -> CRMError {
        if let e = error as? CRMError { return e }
        let code = posixCode(error) ?? (exceedsFileSizeLimit(grown ?? path) ? Int(EFBIG) : nil)
        let reason: String
        switch code.map(Int32.init) {
        case EFBIG?: reason = "file too large" + (fileSizeLimit.map { " (the file size limit, ulimit -f, is \($0) bytes)" } ?? "")
        case let c?: reason = String(cString: strerror(c)).lowercased()
        case nil:
            let ns = error as NSError
            reason = [NSCocoaErrorDomain, NSPOSIXErrorDomain].contains(ns.domain) ? ns.localizedDescription : "\(error)"
        }
        let permission = code.map { [EACCES, EPERM, EROFS].map(Int.init).contains($0) } ?? false
        return CRMError("cannot write \(path): \(reason)", kind: permission ? .badInput : .internalFailure)
    }

    /// The errno behind a Foundation error (its own, or the underlying one), mapped back from
    /// Cocoa's codes where Foundation dropped it.
    static func posixCode(_ error: any Error) -> Int? {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return ns.code }
        if let under = ns.userInfo[NSUnderlyingErrorKey] as? NSError, under.domain == NSPOSIXErrorDomain { return under.code }
        guard ns.domain == NSCocoaErrorDomain else { return nil }
        switch ns.code {
        case CocoaError.fileWriteOutOfSpace.rawValue: return Int(ENOSPC)
        case CocoaError.fileWriteVolumeReadOnly.rawValue: return Int(EROFS)
        case CocoaError.fileWriteNoPermission.rawValue, CocoaError.fileReadNoPermission.rawValue: return Int(EACCES)
        default: return nil
        }
    }

    /// The process's file size limit (`ulimit -f`) in bytes, nil when there is none.
    public static var fileSizeLimit: UInt64? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return UInt64(limit.rlim_cur)
    }

    /// Whether the file has grown to within 1 MiB of the size limit: why a write failed that
    /// gave no errno (SQLite's "disk I/O error" for EFBIG).
    static func exceedsFileSizeLimit(_ path: String) -> Bool {
        guard let limit = fileSizeLimit else { return false }
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return UInt64(st.st_size) + (1 << 20) >= limit
    }

    /// Writing past `ulimit -f` raises SIGXFSZ, which kills the process with partial files left;
    /// ignored, the write fails with EFBIG instead and the run cleans up and says so. Called once at start-up.
    public static func ignoreFileSizeSignal() {
        signal(SIGXFSZ, SIG_IGN)
    }
}
