/// One thing a check found: data, never an error. Rows are row indexes into the snapshot's
/// tables (-1: none), so a finding costs a few bytes and renderers look up ids, names and times.
public struct Finding: Sendable, Hashable {
    /// The check's identifier, e.g. "after_withdrawal".
    public let check: String
    /// The contact row the finding is about (always set).
    public let contact: Int32
    /// The message row, for message-level checks; -1 otherwise.
    public let message: Int32
    /// The consent event row that decided it; -1 where an absence decides.
    public let decidingEvent: Int32

    public init(check: String, contact: Int32, message: Int32 = -1, decidingEvent: Int32 = -1) {
        self.check = check
        self.contact = contact
        self.message = message
        self.decidingEvent = decidingEvent
    }
}
