/// The one error type for bad input and I/O: it reaches the user as one line
/// on standard error (exit 2), naming what was being done and the culprit.
/// Findings in the data are never errors; they are counted as bad rows.
public struct CRMError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case badInput      // exit 2: the user can fix it
        case internalFailure  // exit 3: a bug or an environment failure
    }
    public let kind: Kind
    public let message: String

    public init(_ message: String, kind: Kind = .badInput) {
        self.message = message
        self.kind = kind
    }

    public var description: String { message }
}
