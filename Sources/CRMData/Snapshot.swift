/// The CRM database as it was at the as-of moment: every table read once into
/// compact columns, bad rows counted and left out. Reports fold over this; none
/// of them touches the database.
public struct Snapshot: Sendable {
    public let asOf: Instant
    public let zone: ZoneClock
    public var contacts = ContactTable()
    public var orders = OrderTable()
    /// nil when the optional table is absent from the database.
    public var deals: DealTable?
    public var dealStages: DealStageTable?
    public var pipelineStages: [PipelineStage]?
    public var campaigns: CampaignTable?
    public var campaignMembers: CampaignMemberTable?
    public var messages: MessageTable?
    public var consents: ConsentTable?
    public var interactions: InteractionTable?
    public var acquisitionCosts: AcquisitionCostTable?
    public var vocabulary = Vocabulary()
    public var badRows = BadRowLedger()
    /// Rows in each table of the database (before the as-of cut and the bad-row rules).
    public var rowCounts: [String: Int] = [:]
    /// What the reader noticed about the schema: absent optional tables and columns.
    public var notes: [Reason] = []
    /// What names the data read when no file's SHA-256 can (a PostgreSQL server: its version and
    /// the snapshot); nil for a SQLite file.
    public var sourceIdentity: String?
    /// Every visible contact's keys as typed, push token included; only from `SnapshotReader.readWithKeys()`.
    public var contactKeys: ContactKeys?

    public init(asOf: Instant, zone: ZoneClock) {
        self.asOf = asOf
        self.zone = zone
    }

    /// Whether an optional table was present in the database.
    public func has(_ table: String) -> Bool { rowCounts[table] != nil }
}
