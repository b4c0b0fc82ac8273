import CRMData

/// Everything a stale check sees at one moment T: the snapshot (read at A ≥ T), the report
/// period ending at or before T, the settings, the validation and the reachability at T, and
/// the base at T. The trend audits T = A minus one period over the same snapshot, so every
/// timestamp a check reads must be cut with `happened(_:)`.
public struct StaleContext: Sendable {
    public let snapshot: Snapshot
    public let at: Instant
    /// The report period of this moment, for "SMS messages sent in the period".
    public let period: Range<Instant>
    public let settings: StaleSettings
    public let validation: ContactValidation
    public let reachability: ContactReachability
    /// Contact rows created before T and not deleted before T, ascending.
    public let base: [Int32]

    public init(snapshot: Snapshot, at: Instant, period: Range<Instant>, settings: StaleSettings, validation: ContactValidation) {
        self.snapshot = snapshot
        self.at = at
        self.period = period
        self.settings = settings
        self.validation = validation
        reachability = ContactReachability(snapshot: snapshot, validation: validation, at: at)
        let c = snapshot.contacts
        base = (0..<c.count).compactMap { row in
            c.createdAt[row] < at && !(c.deletedAt[row].exists && c.deletedAt[row] < at) ? Int32(row) : nil
        }
    }

    /// Whether a timestamp holds a moment before T (missing: it did not happen).
    @inlinable public func happened(_ t: Instant) -> Bool { t.exists && t < at }

    /// One finding of `check` for each base contact that `matches`.
    public func findings(_ check: CheckDescription, where matches: (Int) -> Bool) -> [Finding] {
        base.compactMap { row in matches(Int(row)) ? Finding(check: check.identifier, contact: row) : nil }
    }

    /// Raises `latest[contact]` to every event time of a table that happened before T, for the
    /// events that `include` keeps (by event row).
    public func foldLatest(_ latest: inout [Instant], contacts: [Int32], times: [Instant],
                           where include: (Int) -> Bool = { _ in true }) {
        for i in 0..<times.count where happened(times[i]) && include(i) {
            let c = Int(contacts[i])
            if c >= 0, times[i] > latest[c] { latest[c] = times[i] }
        }
    }
}
