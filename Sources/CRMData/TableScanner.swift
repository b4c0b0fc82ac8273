/// Reads one connection's share of the contract tables, each once, through the generic
/// `TableReader` over any engine's `TableSource`, and hands the row indexes the other connection needs across.
struct TableScanner {
    let schema: SnapshotReader.SchemaCheck
    let progress: @Sendable (String) -> Void
    /// Called with the contacts as soon as they are read, while the other tables are still being
    /// read: work that needs only them (validating every phone) can start on an idle core.
    var contactsRead: (@Sendable (ContactTable) -> Void)?
    let parser: TimestampParser
    let asOf: Instant
    let zone: ZoneClock
    var snapshot: Snapshot

    init(schema: SnapshotReader.SchemaCheck, parser: TimestampParser, asOf: Instant, zone: ZoneClock,
         progress: @escaping @Sendable (String) -> Void) {
        self.schema = schema
        self.progress = progress
        self.parser = parser
        self.asOf = asOf
        self.zone = zone
        snapshot = Snapshot(asOf: asOf, zone: zone)
        snapshot.notes = schema.notes
    }

    /// Which tables a reader takes. The split keeps the two cores about equally busy
    /// (messages, the largest table, alone on B) and gives each interned vocabulary to one reader only.
    enum Share: Sendable { case a, b }

    /// A: contacts (handed to B as soon as read), deals and stages, orders, consents, interactions,
    /// costs, and campaign members once B hands over the campaigns. B: campaigns, then messages.
    mutating func read<Source: TableSource>(_ share: Share, from source: Source, contacts: Handoff<IDIndex>,
                                            campaigns: Handoff<IDIndex>) throws {
        let reader = TableReader(source: source, parser: parser, asOf: asOf, zone: zone)
        func load<T: ContractTable>(_ type: T.Type, _ references: [String: IDIndex] = [:]) throws -> T {
            try self.load(reader, type, references)
        }
        switch share {
        case .a:
            snapshot.contacts = try load(ContactTable.self)
            contactsRead?(snapshot.contacts)
            let contactIndex = IDIndex(snapshot.contacts.id)
            contacts.give(contactIndex)
            let byContact = ["contacts": contactIndex]
            if has(DealTable.self) { snapshot.deals = try load(DealTable.self, byContact) }
            if has(DealStageTable.self) {
                snapshot.dealStages = try load(DealStageTable.self, ["deals": IDIndex(snapshot.deals?.id ?? [])])
            }
            if has(PipelineStageList.self) { snapshot.pipelineStages = try load(PipelineStageList.self).stages }
            snapshot.orders = try load(OrderTable.self, byContact)
            if has(ConsentTable.self) { snapshot.consents = try load(ConsentTable.self, byContact) }
            if has(InteractionTable.self) { snapshot.interactions = try load(InteractionTable.self, byContact) }
            if has(AcquisitionCostTable.self) { snapshot.acquisitionCosts = try load(AcquisitionCostTable.self) }
            if has(CampaignMemberTable.self) {
                snapshot.campaignMembers = try load(CampaignMemberTable.self, ["contacts": contactIndex, "campaigns": try campaigns.take()])
            }
        case .b:
            if has(CampaignTable.self) { snapshot.campaigns = try load(CampaignTable.self) }
            let campaignIndex = IDIndex(snapshot.campaigns?.id ?? [])
            campaigns.give(campaignIndex)
            if has(MessageTable.self) {
                snapshot.messages = try load(MessageTable.self, ["contacts": try contacts.take(), "campaigns": campaignIndex])
            }
        }
    }

    /// One snapshot from the two readers' parts.
    static func merge(_ a: Snapshot, _ b: Snapshot) -> Snapshot {
        var s = a
        s.campaigns = b.campaigns
        s.messages = b.messages
        s.vocabulary.channels = b.vocabulary.channels
        s.vocabulary.campaignKinds = b.vocabulary.campaignKinds
        s.badRows.merge(b.badRows)
        s.rowCounts.merge(b.rowCounts) { x, _ in x }
        return s
    }

    func has<T: ContractTable>(_: T.Type) -> Bool { schema.present[T.tableName] != nil }

    /// Reads one table, counting its rows and bad rows into the snapshot.
    mutating func load<Source: TableSource, T: ContractTable>(_ reader: TableReader<Source>, _ type: T.Type,
                                                              _ references: [String: IDIndex]) throws -> T {
        progress(T.tableName)
        let read = try reader.read(type, present: Set(schema.present[T.tableName] ?? []), references: references,
                                   vocabulary: &snapshot.vocabulary)
        snapshot.rowCounts[T.tableName] = read.rows
        snapshot.badRows.merge(read.bad)
        return read.table
    }
}
