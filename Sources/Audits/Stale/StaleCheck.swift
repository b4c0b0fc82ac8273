/// A check of the stale-contact audit: one finding per base contact it applies to, at one moment.
public protocol StaleCheck: AuditCheck {
    /// The optional tables the check reads (beyond contacts and orders, which always exist).
    static var tables: StaleTables { get }
    /// Findings at the context's moment, over its base only. Never throws: data problems are
    /// bad rows already, and an odd value is a finding or nothing.
    func findings(in context: StaleContext) -> [Finding]
}

extension StaleCheck {
    public static var tables: StaleTables { .none }
}

/// Which optional tables a stale check reads, and whether it can run without all of them.
public struct StaleTables: Sendable, Equatable {
    public let reads: [String]
    /// true: with every table of `reads` absent there is no evidence at all, and the check is
    /// listed as not run; false: the check still runs on the contacts (a partial run, noted).
    public let needsOne: Bool

    public static let none = StaleTables(reads: [], needsOne: false)

    public init(reads: [String], needsOne: Bool) {
        self.reads = reads
        self.needsOne = needsOne
    }
}
