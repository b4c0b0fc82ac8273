/// The eleven contract tables (`ContractDDL.swift`) described for the generic `TableReader`:
/// each column by name with its kind and rule, and how a good row lands in the columns struct.
/// The order of the cases is the slot order of a row, not the order of the database's columns.

extension ContactTable: ContractTable {
    enum Column: Int, ContractColumn {
        case id, createdAt, verifiedAt, deletedAt, fullName, email, phone, pushToken, birthDate
        case gender, segment, emailStatus, region, source, owner
    }
    static let tableName = "contacts"
    static func spec(_ c: Column) -> ColumnSpec {
        switch c {
        case .id: return .id()
        case .createdAt: return .timestamp("created_at", .own)
        case .verifiedAt: return .timestamp("verified_at", .later)
        case .deletedAt: return .timestamp("deleted_at", .later)
        case .fullName: return .flag("full_name")
        case .email: return .text("email", .optional)
        case .phone: return .text("phone", .optional)
        case .pushToken: return .flag("push_token")
        case .birthDate: return .text("birth_date", .optional)   // as typed: the stale audit judges it
        case .gender: return .enumeration("gender", Gender.self, .optional)
        case .segment: return .enumeration("segment", Segment.self, .optional)
        case .emailStatus: return .enumeration("email_status", EmailStatus.self, .optional)
        case .region: return .label("region", \.regions, .optional)
        case .source: return .label("source", \.sources, .optional)
        case .owner: return .label("owner", \.owners, .optional)
        }
    }
    mutating func append(_ row: DecodedRow<Column>) {
        let email = row.text(.email), phone = row.text(.phone)
        id.append(row.id)
        createdAt.append(row.instant(.createdAt))
        verifiedAt.append(row.instant(.verifiedAt))
        deletedAt.append(row.instant(.deletedAt))
        self.email.append(email)
        self.phone.append(phone)
        hasPushToken.append(row.flag(.pushToken))
        hasPersonalData.append(row.flag(.fullName) || email != nil || phone != nil)
        birthDate.append(row.text(.birthDate))
        gender.append(row.value(.gender))
        segment.append(row.value(.segment) ?? .b2c)   // NULL counts as b2c (the contract)
        emailStatus.append(row.value(.emailStatus))
        region.append(row.label(.region))
        source.append(row.label(.source))
        owner.append(row.label(.owner))
    }
}

extension DealTable: ContractTable {
    enum Column: Int, ContractColumn {
        case id, createdAt, contact, pipeline, owner, channel, closedAt, status, amount, lostReason
    }
    static let tableName = "deals"
    static func spec(_ c: Column) -> ColumnSpec {
        switch c {
        case .id: return .id()
        case .createdAt: return .timestamp("created_at", .own)
        case .contact: return .reference("contact_id", to: "contacts", .optional)
        case .pipeline: return .label("pipeline", \.pipelines, .required)
        case .owner: return .label("owner", \.owners, .optional)
        case .channel: return .label("channel", \.leadChannels, .optional)
        case .closedAt: return .timestamp("closed_at", .later)
        case .status: return .enumeration("status", DealStatus.self, .required)
        case .amount: return .amount("amount", .optional)
        case .lostReason: return .label("lost_reason", \.lostReasons, .optional)
        }
    }
    static var rowRules: [RowRule<Column>] { [.closing(status: .status, closedAt: .closedAt, open: DealStatus.open.rawValue)] }
    mutating func append(_ row: DecodedRow<Column>) {
        id.append(row.id)
        contact.append(row.reference(.contact))
        pipeline.append(row.label(.pipeline))
        owner.append(row.label(.owner))
        channel.append(row.label(.channel))
        createdAt.append(row.instant(.createdAt))
        closedAt.append(row.instant(.closedAt))
        status.append(row.value(.status) ?? .open)   // required: always there on a good row
        amount.append(row.money(.amount))
        lostReason.append(row.label(.lostReason))
    }
}

extension DealStageTable: ContractTable {
    enum Column: Int, ContractColumn { case enteredAt, deal, stage }
    static let tableName = "deal_stages"
    static func spec(_ c: Column) -> ColumnSpec {
        switch c {
        case .enteredAt: return .timestamp("entered_at", .own)
        case .deal: return .reference("deal_id", to: "deals", .required)
        case .stage: return .label("stage", \.stages, .required)
        }
    }
    mutating func append(_ row: DecodedRow<Column>) {
        deal.append(row.reference(.deal))
        stage.append(row.label(.stage))
        enteredAt.append(row.instant(.enteredAt))
    }
}

/// The rows of `pipeline_stages`, as the snapshot keeps them (a short list, not columns).
struct PipelineStageList: ContractTable {
    var stages: [PipelineStage] = []

    enum Column: Int, ContractColumn { case pipeline, stage, position }
    static let tableName = "pipeline_stages"
    static func spec(_ c: Column) -> ColumnSpec {
        switch c {
        case .pipeline: return .text("pipeline", .required)
        case .stage: return .text("stage", .required)
        case .position: return .integer("position", .required)
        }
    }
    mutating func append(_ row: DecodedRow<Column>) {
        guard let pipeline = row.text(.pipeline), let stage = row.text(.stage), let position = row.integer(.position) else { return }
        stages.append(PipelineStage(pipeline: pipeline, stage: stage, position: Int(position)))
    }
}

extension CampaignTable: ContractTable {
    enum Column: Int, ContractColumn { case id, startedAt, name, channel, kind, endedAt, cost, windowDays }
    static let tableName = "campaigns"
    static func spec(_ c: Column) -> ColumnSpec {
        switch c {
        case .id: return .id()
        case .startedAt: return .timestamp("started_at", .own)
        case .name: return .text("name", .required)
        case .channel: return .label("channel", \.channels, .required)
        case .kind: return .label("kind", \.campaignKinds, .optional)
        case .endedAt: return .timestamp("ended_at", .later)
        case .cost: return .amount("cost", .optional)
        case .windowDays: return .integer("window_days", in: 1...3650, .optional)
        }
    }
    mutating func append(_ row: DecodedRow<Column>) {
        id.append(row.id)
        name.append(row.text(.name) ?? "")
        channel.append(row.label(.channel))
        kind.append(row.label(.kind))
        startedAt.append(row.instant(.startedAt))
        endedAt.append(row.instant(.endedAt))
        cost.append(row.money(.cost))
        windowDays.append(row.integer(.windowDays).map { Int32($0) } ?? -1)   // -1: the config default
    }
}

extension CampaignMemberTable: ContractTable {
    enum Column: Int, ContractColumn { case assignedAt, campaign, contact, arm }
    static let tableName = "campaign_members"
    static func spec(_ c: Column) -> ColumnSpec {
        switch c {
        case .assignedAt: return .timestamp("assigned_at", .own)
        case .campaign: return .reference("campaign_id", to: "campaigns", .required)
        case .contact: return .reference("contact_id", to: "contacts", .required)
        case .arm: return .enumeration("arm", Arm.self, .required)
        }
    }
    mutating func append(_ row: DecodedRow<Column>) {
        campaign.append(row.reference(.campaign))
        contact.append(row.reference(.contact))
        arm.append(row.value(.arm) ?? .treatment)   // required: always there on a good row
        assignedAt.append(row.instant(.assignedAt))
    }
}

extension MessageTable: ContractTable {
    enum Column: Int, ContractColumn {
        case id, sentAt, campaign, contact, channel, purpose, deliveredAt, openedAt, clickedAt, bounce, unsubscribedAt
    }
    static let tableName = "messages"
    static func spec(_ c: Column) -> ColumnSpec {
        switch c {
        case .id: return .id()
        case .sentAt: return .timestamp("sent_at", .own)
        case .campaign: return .reference("campaign_id", to: "campaigns", .optional)
        case .contact: return .reference("contact_id", to: "contacts", .required)
        case .channel: return .label("channel", \.channels, .required)
        case .purpose: return .enumeration("purpose", MessagePurpose.self, .required)
        case .deliveredAt: return .timestamp("delivered_at", .later)
        case .openedAt: return .timestamp("opened_at", .later)
        case .clickedAt: return .timestamp("clicked_at", .later)
        case .bounce: return .enumeration("bounce", Bounce.self, .optional)
        case .unsubscribedAt: return .timestamp("unsubscribed_at", .later)
        }
    }
    mutating func append(_ row: DecodedRow<Column>) {
        id.append(row.id)
        campaign.append(row.reference(.campaign))
        contact.append(row.reference(.contact))
        channel.append(row.label(.channel))
        purpose.append(row.value(.purpose) ?? .marketing)   // required: always there on a good row
        sentAt.append(row.instant(.sentAt))
        deliveredAt.append(row.instant(.deliveredAt))
        openedAt.append(row.instant(.openedAt))
        clickedAt.append(row.instant(.clickedAt))
        bounce.append(row.value(.bounce))
        unsubscribedAt.append(row.instant(.unsubscribedAt))
    }
}

extension ConsentTable: ContractTable {
    enum Column: Int, ContractColumn { case id, occurredAt, contact, purpose, channel, action, source, evidence, expiresAt }
    static let tableName = "consents"
    static func spec(_ c: Column) -> ColumnSpec {
        switch c {
        case .id: return .id()
        case .occurredAt: return .timestamp("occurred_at", .own)
        case .contact: return .reference("contact_id", to: "contacts", .required)
        case .purpose: return .enumeration("purpose", ConsentPurpose.self, .required)
        case .channel: return .enumeration("channel", Channel.self, .optional)   // NULL: every channel
        case .action: return .enumeration("action", ConsentAction.self, .required)
        case .source: return .label("source", \.consentSources, .optional)
        case .evidence: return .text("evidence", .optional)
        case .expiresAt: return .timestamp("expires_at", .term)
        }
    }
    mutating func append(_ row: DecodedRow<Column>) {
        id.append(row.id)
        contact.append(row.reference(.contact))
        purpose.append(row.value(.purpose) ?? .processing)   // required: always there on a good row
        channel.append(row.value(.channel))
        action.append(row.value(.action) ?? .grant)          // required: always there on a good row
        occurredAt.append(row.instant(.occurredAt))
        source.append(row.label(.source))
        evidence.append(row.text(.evidence))
        expiresAt.append(row.instant(.expiresAt))
    }
}

extension OrderTable: ContractTable {
    enum Column: Int, ContractColumn { case id, orderedAt, contact, amount, status, channel }
    static let tableName = "orders"
    static func spec(_ c: Column) -> ColumnSpec {
        switch c {
        case .id: return .id()
        case .orderedAt: return .timestamp("ordered_at", .own)
        case .contact: return .reference("contact_id", to: "contacts", .required)
        case .amount: return .amount("amount", .required)
        case .status: return .enumeration("status", OrderStatus.self, .required)
        case .channel: return .label("channel", \.orderChannels, .optional)
        }
    }
    mutating func append(_ row: DecodedRow<Column>) {
        id.append(row.id)
        contact.append(row.reference(.contact))
        orderedAt.append(row.instant(.orderedAt))
        amount.append(row.money(.amount))
        status.append(row.value(.status) ?? .completed)   // required: always there on a good row
        channel.append(row.label(.channel))
    }
}

extension InteractionTable: ContractTable {
    enum Column: Int, ContractColumn { case id, occurredAt, contact, kind, channel }
    static let tableName = "interactions"
    static func spec(_ c: Column) -> ColumnSpec {
        switch c {
        case .id: return .id()
        case .occurredAt: return .timestamp("occurred_at", .own)
        case .contact: return .reference("contact_id", to: "contacts", .required)
        case .kind: return .enumeration("kind", InteractionKind.self, .required)
        case .channel: return .label("channel", \.interactionChannels, .optional)
        }
    }
    mutating func append(_ row: DecodedRow<Column>) {
        contact.append(row.reference(.contact))
        kind.append(row.value(.kind) ?? .callIn)   // required: always there on a good row
        occurredAt.append(row.instant(.occurredAt))
        channel.append(row.label(.channel))
    }
}

extension AcquisitionCostTable: ContractTable {
    enum Column: Int, ContractColumn { case day, source, amount }
    static let tableName = "acquisition_costs"
    static func spec(_ c: Column) -> ColumnSpec {
        switch c {
        case .day: return .localDay("day", .own)
        case .source: return .label("source", \.sources, .required)
        case .amount: return .amount("amount", .required)
        }
    }
    mutating func append(_ row: DecodedRow<Column>) {
        source.append(row.label(.source))
        day.append(row.day(.day))
        amount.append(row.money(.amount))
    }
}
