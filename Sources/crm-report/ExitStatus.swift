import ArgumentParser
import CRMData
import Foundation

/// The exit codes of outputs.md, and the one place where errors and outcomes become them.
enum ExitStatus: Int32 {
    /// Done; no finding at or above `--fail-on`.
    case done = 0
    /// Done, and findings at or above `--fail-on` exist (the report is still written).
    case findings = 1
    /// Bad input: one line on standard error names it; nothing is written.
    case badInput = 2
    /// An unexpected internal failure; nothing half-written is published.
    case internalFailure = 3

    /// Thrown by a command whose run is done but found what `--fail-on` gates on.
    struct FindingsAtOrAbove: Error {
        let summary: String
    }

    /// The status and the one line for standard error (nil when there is nothing to say there).
    static func of(_ error: any Error, command: any ParsableCommand.Type) -> (status: ExitStatus, line: String?, stdout: String?) {
        switch error {
        case let e as CRMError:
            return (e.kind == .badInput ? .badInput : .internalFailure, e.message, nil)
        case let e as FindingsAtOrAbove:
            return (.findings, e.summary, nil)
        default:
            let code = command.exitCode(for: error)
            if code == .success { return (.done, nil, command.fullMessage(for: error)) }
            let message = command.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            // argument-parser's usage errors (64) and validation failures are bad input.
            if code.rawValue == 64 || error is ValidationError { return (.badInput, "\(message) (see 'crm-report --help')", nil) }
            if let exit = error as? ExitCode, let status = ExitStatus(rawValue: exit.rawValue) { return (status, nil, nil) }
            return (.internalFailure, message, nil)
        }
    }
}
