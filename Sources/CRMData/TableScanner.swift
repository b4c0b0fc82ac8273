import GRDB
import GRDBSQLite

/// Reads each contract table once, row by row, applying the as-of cut and the bad-row rules.
struct TableScanner {
    let db: Database
    let schema: SnapshotReader.SchemaCheck
    let parser: TimestampParser
    let asOf: Instant
    let zone: ZoneClock
    let progress: @Sendable (String) -> Void
    let rules: FieldRules
    var snapshot: Snapshot

    init(db: Database, schema: SnapshotReader.SchemaCheck, parser: TimestampParser, asOf: Instant, zone: ZoneClock,
         progress: @escaping @Sendable (String) -> Void) {
        self.db = db
        self.schema = schema
        self.parser = parser
        self.asOf = asOf
        self.zone = zone
        self.progress = progress
        rules = FieldRules(parser: parser, asOf: asOf)
        snapshot = Snapshot(asOf: asOf, zone: zone)
        snapshot.notes = schema.notes
    }

    /// Which tables a reader takes. The split keeps the two cores about equally busy
    /// (messages, the largest table, alone on B) and gives each interned vocabulary to one reader only.
    enum Share: Sendable { case a, b }

    /// A: contacts (handed to B as soon as read), deals and stages, orders, consents, interactions,
    /// costs, and campaign members once B hands over the campaigns. B: campaigns, then messages.
    mutating func read(_ share: Share, contacts: Handoff<IDIndex>, campaigns: Handoff<IDIndex>) throws {
        switch share {
        case .a:
            try readContacts()
            let contactIndex = IDIndex(snapshot.contacts.id)
            contacts.give(contactIndex)
            if has("deals") { try readDeals(contactIndex) }
            if has("deal_stages") { try readDealStages() }
            if has("pipeline_stages") { try readPipelineStages() }
            try readOrders(contactIndex)
            if has("consents") { try readConsents(contactIndex) }
            if has("interactions") { try readInteractions(contactIndex) }
            if has("acquisition_costs") { try readAcquisitionCosts() }
            if has("campaign_members") { try readCampaignMembers(contactIndex, try campaigns.take()) }
        case .b:
            if has("campaigns") { try readCampaigns() }
            let campaignIndex = IDIndex(snapshot.campaigns?.id ?? [])
            campaigns.give(campaignIndex)
            if has("messages") { try readMessages(try contacts.take(), campaignIndex) }
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

    func has(_ table: String) -> Bool { schema.present[table] != nil }

    // MARK: - The scan

    /// Runs `SELECT <columns> FROM table`, with NULL for absent nullable columns,
    /// and hands each row with its id (the `id` column, else the rowid, else the ordinal).
    /// The body returns the row's problems (none for a good or invisible row); the bad rows come back in the ledger.
    func scan(_ table: String, _ columns: [String], _ body: (RowCursor, Int64) -> RowProblems) throws -> (rows: Int, bad: BadRowLedger) {
        progress(table)
        let present = Set(schema.present[table] ?? [])
        let hasID = present.contains("id")
        let isView = (try? String.fetchOne(db, sql: "SELECT type FROM sqlite_master WHERE lower(name) = ?", arguments: [table])) == "view"
        let idExpr = hasID ? "\"id\"" : (isView ? "NULL" : "rowid")
        let list = columns.map { present.contains($0) ? "\"\($0)\"" : "NULL" } + [idExpr]
        let sql = "SELECT \(list.joined(separator: ", ")) FROM \"\(table)\""
        let statement: Statement
        do { statement = try db.makeStatement(sql: sql) } catch {
            throw CRMError("cannot read table '\(table)': \(SnapshotReader.reason(error))")
        }
        let stmt = statement.sqliteStatement
        let idColumn = Int32(columns.count)
        var ordinal: Int64 = 0
        var ledger = BadRowLedger()
        while true {
            let code = sqlite3_step(stmt)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                sqlite3_reset(stmt)
                throw CRMError("cannot read table '\(table)': \(message)")
            }
            ordinal += 1
            let row = RowCursor(stmt: stmt)
            let id: Int64
            if case .value(let v) = row.integer(idColumn) { id = v } else { id = ordinal }
            let problems = body(row, id)
            if problems.isBad { ledger.record(table: table, rowID: id, problems: problems) }
        }
        sqlite3_reset(stmt)
        return (Int(ordinal), ledger)
    }

    mutating func finish(_ table: String, _ result: (rows: Int, bad: BadRowLedger)) {
        snapshot.rowCounts[table] = result.rows
        snapshot.badRows.merge(result.bad)
    }

    // MARK: - Tables

    mutating func readContacts() throws {
        var t = ContactTable()
        var v = snapshot.vocabulary
        let f = rules
        let result = try scan("contacts", ["created_at", "verified_at", "deleted_at", "full_name", "email", "phone", "push_token",
                              "birth_date", "gender", "segment", "email_status", "region", "source", "owner"]) { row, id in
            var p = RowProblems()
            guard let created = f.own(row, 0, &p) else { return p }
            let verified = f.later(row, 1, &p)
            let deleted = f.later(row, 2, &p)
            let gender: Gender? = f.optional(row, 8, &p)
            let segment: Segment? = f.optional(row, 9, &p)
            let emailStatus: EmailStatus? = f.optional(row, 10, &p)
            if p.isBad { return p }
            let email = row.string(4), phone = row.string(5)
            t.id.append(id)
            t.createdAt.append(created)
            t.verifiedAt.append(verified)
            t.deletedAt.append(deleted)
            t.email.append(email)
            t.phone.append(phone)
            t.hasPushToken.append(row.text(6) != nil)
            t.hasPersonalData.append(row.text(3) != nil || email != nil || phone != nil)
            t.birthDate.append(row.string(7))
            t.gender.append(gender)
            t.segment.append(segment ?? .b2c)
            t.emailStatus.append(emailStatus)
            t.region.append(f.label(row, 11, &v.regions))
            t.source.append(f.label(row, 12, &v.sources))
            t.owner.append(f.label(row, 13, &v.owners))
            return p
        }
        finish("contacts", result)
        snapshot.contacts = t
        snapshot.vocabulary = v
    }

    mutating func readDeals(_ contacts: IDIndex) throws {
        var t = DealTable()
        var v = snapshot.vocabulary
        let f = rules
        let result = try scan("deals", ["created_at", "contact_id", "pipeline", "owner", "channel", "closed_at", "status", "amount", "lost_reason"]) { row, id in
            var p = RowProblems()
            guard let created = f.own(row, 0, &p) else { return p }
            let contact = f.reference(row, 1, contacts, required: false, &p)
            let pipeline = f.requiredLabel(row, 2, &v.pipelines, &p)
            var closed = f.later(row, 5, &p)
            var status: DealStatus? = f.required(row, 6, &p)
            if status != nil, status != .open, row.text(5) == nil { p.add(.missingValue) }
            if status == .open { closed = .missing }
            if status != .open, closed.isMissing { status = .open }   // closed at or after the as-of moment
            let amount = f.amount(row, 7, required: false, &p)
            if p.isBad { return p }
            t.id.append(id)
            t.contact.append(contact)
            t.pipeline.append(pipeline)
            t.owner.append(f.label(row, 3, &v.owners))
            t.channel.append(f.label(row, 4, &v.leadChannels))
            t.createdAt.append(created)
            t.closedAt.append(closed)
            t.status.append(status ?? .open)
            t.amount.append(amount)
            t.lostReason.append(f.label(row, 8, &v.lostReasons))
            return p
        }
        finish("deals", result)
        snapshot.deals = t
        snapshot.vocabulary = v
    }

    mutating func readDealStages() throws {
        var t = DealStageTable()
        var v = snapshot.vocabulary
        let deals = IDIndex(snapshot.deals?.id ?? [])
        let f = rules
        let result = try scan("deal_stages", ["entered_at", "deal_id", "stage"]) { row, id in
            var p = RowProblems()
            guard let entered = f.own(row, 0, &p) else { return p }
            let deal = f.reference(row, 1, deals, required: true, &p)
            let stage = f.requiredLabel(row, 2, &v.stages, &p)
            if p.isBad { return p }
            t.deal.append(deal)
            t.stage.append(stage)
            t.enteredAt.append(entered)
            return p
        }
        finish("deal_stages", result)
        snapshot.dealStages = t
        snapshot.vocabulary = v
    }

    mutating func readPipelineStages() throws {
        var list: [PipelineStage] = []
        let result = try scan("pipeline_stages", ["pipeline", "stage", "position"]) { row, id in
            var p = RowProblems()
            let pipeline = row.string(0), stage = row.string(1)
            if pipeline == nil || stage == nil { p.add(.missingValue) }
            var position = 0
            switch row.integer(2) {
            case .null: p.add(.missingValue)
            case .invalid: p.add(.unknownValue)
            case .value(let v): position = Int(v)
            }
            guard !p.isBad, let pipeline, let stage else { return p }
            list.append(PipelineStage(pipeline: pipeline, stage: stage, position: position))
            return p
        }
        finish("pipeline_stages", result)
        snapshot.pipelineStages = list
    }

    mutating func readCampaigns() throws {
        var t = CampaignTable()
        var v = snapshot.vocabulary
        let f = rules
        let result = try scan("campaigns", ["started_at", "name", "channel", "kind", "ended_at", "cost", "window_days"]) { row, id in
            var p = RowProblems()
            guard let started = f.own(row, 0, &p) else { return p }
            let name = row.string(1)
            if name == nil { p.add(.missingValue) }
            let channel = f.requiredLabel(row, 2, &v.channels, &p)
            let ended = f.later(row, 4, &p)
            let cost = f.amount(row, 5, required: false, &p)
            var window: Int32 = -1
            switch row.integer(6) {
            case .null: break
            case .invalid: p.add(.unknownValue)
            case .value(let d): if d < 1 || d > 3650 { p.add(.unknownValue) } else { window = Int32(d) }
            }
            if p.isBad { return p }
            t.id.append(id)
            t.name.append(name ?? "")
            t.channel.append(channel)
            t.kind.append(f.label(row, 3, &v.campaignKinds))
            t.startedAt.append(started)
            t.endedAt.append(ended)
            t.cost.append(cost)
            t.windowDays.append(window)
            return p
        }
        finish("campaigns", result)
        snapshot.campaigns = t
        snapshot.vocabulary = v
    }

    mutating func readCampaignMembers(_ contacts: IDIndex, _ campaigns: IDIndex) throws {
        var t = CampaignMemberTable()
        let f = rules
        let result = try scan("campaign_members", ["assigned_at", "campaign_id", "contact_id", "arm"]) { row, id in
            var p = RowProblems()
            guard let assigned = f.own(row, 0, &p) else { return p }
            let campaign = f.reference(row, 1, campaigns, required: true, &p)
            let contact = f.reference(row, 2, contacts, required: true, &p)
            let arm: Arm? = f.required(row, 3, &p)
            guard !p.isBad, let arm else { return p }
            t.campaign.append(campaign)
            t.contact.append(contact)
            t.arm.append(arm)
            t.assignedAt.append(assigned)
            return p
        }
        finish("campaign_members", result)
        snapshot.campaignMembers = t
    }

    mutating func readMessages(_ contacts: IDIndex, _ campaigns: IDIndex) throws {
        var t = MessageTable()
        var v = snapshot.vocabulary
        let f = rules
        let result = try scan("messages", ["sent_at", "campaign_id", "contact_id", "channel", "purpose", "delivered_at", "opened_at",
                              "clicked_at", "bounce", "unsubscribed_at"]) { row, id in
            var p = RowProblems()
            guard let sent = f.own(row, 0, &p) else { return p }
            let campaign = f.reference(row, 1, campaigns, required: false, &p)
            let contact = f.reference(row, 2, contacts, required: true, &p)
            let channel = f.requiredLabel(row, 3, &v.channels, &p)
            let purpose: MessagePurpose? = f.required(row, 4, &p)
            let delivered = f.later(row, 5, &p)
            let opened = f.later(row, 6, &p)
            let clicked = f.later(row, 7, &p)
            let bounce: Bounce? = f.optional(row, 8, &p)
            let unsubscribed = f.later(row, 9, &p)
            guard !p.isBad, let purpose else { return p }
            t.id.append(id)
            t.campaign.append(campaign)
            t.contact.append(contact)
            t.channel.append(channel)
            t.purpose.append(purpose)
            t.sentAt.append(sent)
            t.deliveredAt.append(delivered)
            t.openedAt.append(opened)
            t.clickedAt.append(clicked)
            t.bounce.append(bounce)
            t.unsubscribedAt.append(unsubscribed)
            return p
        }
        finish("messages", result)
        snapshot.messages = t
        snapshot.vocabulary = v
    }

    mutating func readConsents(_ contacts: IDIndex) throws {
        var t = ConsentTable()
        let f = rules
        let result = try scan("consents", ["occurred_at", "contact_id", "purpose", "channel", "action", "source", "evidence", "expires_at"]) { row, id in
            var p = RowProblems()
            guard let occurred = f.own(row, 0, &p) else { return p }
            let contact = f.reference(row, 1, contacts, required: true, &p)
            let purpose: ConsentPurpose? = f.required(row, 2, &p)
            let channel: Channel? = f.optional(row, 3, &p)
            let action: ConsentAction? = f.required(row, 4, &p)
            let expires = f.term(row, 7, &p)
            guard !p.isBad, let purpose, let action else { return p }
            t.id.append(id)
            t.contact.append(contact)
            t.purpose.append(purpose)
            t.channel.append(channel)
            t.action.append(action)
            t.occurredAt.append(occurred)
            t.hasSource.append(row.text(5) != nil)
            t.hasEvidence.append(row.text(6) != nil)
            t.expiresAt.append(expires)
            return p
        }
        finish("consents", result)
        snapshot.consents = t
    }

    mutating func readOrders(_ contacts: IDIndex) throws {
        var t = OrderTable()
        var v = snapshot.vocabulary
        let f = rules
        let result = try scan("orders", ["ordered_at", "contact_id", "amount", "status", "channel"]) { row, id in
            var p = RowProblems()
            guard let ordered = f.own(row, 0, &p) else { return p }
            let contact = f.reference(row, 1, contacts, required: true, &p)
            let amount = f.amount(row, 2, required: true, &p)
            let status: OrderStatus? = f.required(row, 3, &p)
            guard !p.isBad, let status else { return p }
            t.id.append(id)
            t.contact.append(contact)
            t.orderedAt.append(ordered)
            t.amount.append(amount)
            t.status.append(status)
            t.channel.append(f.label(row, 4, &v.orderChannels))
            return p
        }
        finish("orders", result)
        snapshot.orders = t
        snapshot.vocabulary = v
    }

    mutating func readInteractions(_ contacts: IDIndex) throws {
        var t = InteractionTable()
        var v = snapshot.vocabulary
        let f = rules
        let result = try scan("interactions", ["occurred_at", "contact_id", "kind", "channel"]) { row, id in
            var p = RowProblems()
            guard let occurred = f.own(row, 0, &p) else { return p }
            let contact = f.reference(row, 1, contacts, required: true, &p)
            let kind: InteractionKind? = f.required(row, 2, &p)
            guard !p.isBad, let kind else { return p }
            t.contact.append(contact)
            t.kind.append(kind)
            t.occurredAt.append(occurred)
            t.channel.append(f.label(row, 3, &v.interactionChannels))
            return p
        }
        finish("interactions", result)
        snapshot.interactions = t
        snapshot.vocabulary = v
    }

    mutating func readAcquisitionCosts() throws {
        var t = AcquisitionCostTable()
        var v = snapshot.vocabulary
        let f = rules
        let result = try scan("acquisition_costs", ["day", "source", "amount"]) { row, id in
            var p = RowProblems()
            guard let day = f.own(row, 0, &p) else { return p }
            let source = f.requiredLabel(row, 1, &v.sources, &p)
            let amount = f.amount(row, 2, required: true, &p)
            if p.isBad { return p }
            t.source.append(source)
            t.day.append(zone.day(of: day))
            t.amount.append(amount)
            return p
        }
        finish("acquisition_costs", result)
        snapshot.acquisitionCosts = t
        snapshot.vocabulary = v
    }
}

/// The per-field rules of metrics.md ("Common ground", "Small print"), kept apart from the
/// scanner so the per-row closures capture only this small value, not the growing snapshot.
struct FieldRules {
    let parser: TimestampParser
    let asOf: Instant


    /// The row's own timestamp. nil: the row is not visible at the as-of moment (skip it).
    /// `.missing` with a problem recorded: the row is bad.
    @inline(__always) func own(_ row: RowCursor, _ i: Int32, _ p: inout RowProblems) -> Instant? {
        guard let t = row.text(i) else { p.add(.missingValue); return .missing }
        guard let v = parser.parse(t) else { p.add(.unparseableTimestamp); return .missing }
        return v < asOf ? v : nil
    }

    /// A later event of a kept row: missing when NULL or not yet happened at the as-of moment.
    @inline(__always) func later(_ row: RowCursor, _ i: Int32, _ p: inout RowProblems) -> Instant {
        guard let t = row.text(i) else { return .missing }
        guard let v = parser.parse(t) else { p.add(.unparseableTimestamp); return .missing }
        return v < asOf ? v : .missing
    }

    /// A term (such as a grant's expiry): kept as it is, wherever it falls.
    @inline(__always) func term(_ row: RowCursor, _ i: Int32, _ p: inout RowProblems) -> Instant {
        guard let t = row.text(i) else { return .missing }
        guard let v = parser.parse(t) else { p.add(.unparseableTimestamp); return .missing }
        return v
    }

    @inline(__always) func required<E: ContractEnum>(_ row: RowCursor, _ i: Int32, _ p: inout RowProblems) -> E? {
        guard let t = row.text(i) else { p.add(.missingValue); return nil }
        guard let v = E.decode(t) else { p.add(.unknownValue); return nil }
        return v
    }

    @inline(__always) func optional<E: ContractEnum>(_ row: RowCursor, _ i: Int32, _ p: inout RowProblems) -> E? {
        guard let t = row.text(i) else { return nil }
        guard let v = E.decode(t) else { p.add(.unknownValue); return nil }
        return v
    }

    /// A reference to a row of another table; -1 when NULL and allowed.
    @inline(__always) func reference(_ row: RowCursor, _ i: Int32, _ index: IDIndex, required: Bool, _ p: inout RowProblems) -> Int32 {
        switch row.integer(i) {
        case .null:
            if required { p.add(.missingValue) }
            return -1
        case .invalid:
            p.add(.missingReference)
            return -1
        case .value(let id):
            let r = index.row(id)
            if r < 0 { p.add(.missingReference) }
            return r
        }
    }

    /// An amount: NaN when NULL (and allowed); negative amounts make the row bad.
    @inline(__always) func amount(_ row: RowCursor, _ i: Int32, required: Bool, _ p: inout RowProblems) -> Double {
        switch row.real(i) {
        case .null:
            if required { p.add(.missingValue) }
            return .nan
        case .invalid:
            p.add(.unknownValue)
            return .nan
        case .value(let v):
            if v < 0 { p.add(.negativeAmount) }
            return v
        }
    }

    @inline(__always) func label(_ row: RowCursor, _ i: Int32, _ labels: inout Labels) -> Int32 {
        guard let t = row.text(i) else { return Labels.none }
        return labels.intern(t)
    }

    @inline(__always) func requiredLabel(_ row: RowCursor, _ i: Int32, _ labels: inout Labels, _ p: inout RowProblems) -> Int32 {
        guard let t = row.text(i) else { p.add(.missingValue); return Labels.none }
        return labels.intern(t)
    }

}
