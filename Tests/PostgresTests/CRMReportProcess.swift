import Foundation

/// The real `crm-report` executable, started as a separate process so a test can stop it by PID
/// at any moment or bound how long it may take.
struct CRMReportProcess {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("crm-report")
    }

    let process = Process()
    private let out = Pipe(), err = Pipe()

    /// Starts `crm-report arguments...` with the test server's password in its environment
    /// (nil: no PGPASSWORD at all).
    init(_ arguments: [String], password: String? = TestServer.password, home: String? = nil) throws {
        process.executableURL = Self.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = password
        if let home { environment["HOME"] = home }
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// Waits for the end: the exit status (or 128 + the signal) and standard error.
    func finish() -> (status: Int32, stderr: String) {
        _ = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (status, String(decoding: errors, as: UTF8.self))
    }

    /// Runs to the end.
    static func run(_ arguments: [String], password: String? = TestServer.password) throws -> (status: Int32, stderr: String) {
        try CRMReportProcess(arguments, password: password).finish()
    }
}
