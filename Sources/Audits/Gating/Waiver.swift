import Formatting

/// One accepted finding from the waiver file: who accepted it, why, and until when.
public struct Waiver: Sendable, Equatable {
    public let key: FindingKey
    public let reason: String
    public let acceptedBy: String
    /// The last day (local day number) on which the waiver applies; from the next day on it has expired.
    public let expires: Int
    /// The line of the entry in the waiver file (1-based), for messages.
    public let line: Int

    public init(key: FindingKey, reason: String, acceptedBy: String, expires: Int, line: Int = 0) {
        self.key = key
        self.reason = reason
        self.acceptedBy = acceptedBy
        self.expires = expires
        self.line = line
    }

    /// "2027-01-31"
    public var expiresLabel: String { CivilDate.iso(expires) }

    /// Whether the waiver still applies on the as-of day: its expiry date is not before it.
    public func applies(asOfDay: Int) -> Bool { expires >= asOfDay }
}
