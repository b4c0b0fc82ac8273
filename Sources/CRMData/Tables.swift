/// The tables of one snapshot as compact columns (struct of arrays), holding only
/// the rows visible and good at the as-of moment. Row references are row
/// indexes into the referenced table (-1: none), resolved once at read time.

/// People and companies.
public struct ContactTable: Sendable {
    public var id: [Int64] = []
    public var createdAt: [Instant] = []
    public var verifiedAt: [Instant] = []
    /// Missing when never deleted or deleted at or after the as-of moment.
    public var deletedAt: [Instant] = []
    public var email: [String?] = []
    public var phone: [String?] = []
    public var hasPushToken: [Bool] = []
    /// Holds personal data: a name, an email or a phone.
    public var hasPersonalData: [Bool] = []
    /// As typed; the stale audit judges it.
    public var birthDate: [String?] = []
    public var gender: [Gender?] = []
    public var segment: [Segment] = []
    public var emailStatus: [EmailStatus?] = []
    public var region: [Int32] = []
    public var source: [Int32] = []
    public var owner: [Int32] = []
    public init() {}
    public var count: Int { id.count }
    @inlinable public func isDeleted(_ row: Int) -> Bool { deletedAt[row].exists }
}

/// Purchases.
public struct OrderTable: Sendable {
    public var id: [Int64] = []
    public var contact: [Int32] = []
    public var orderedAt: [Instant] = []
    /// Exact minor units.
    public var amount: [Money] = []
    public var status: [OrderStatus] = []
    public var channel: [Int32] = []
    public init() {}
    public var count: Int { id.count }
}

/// Sales pipeline deals. `status` and `closedAt` are as of the as-of moment:
/// a deal closed at or after it is still open.
public struct DealTable: Sendable {
    public var id: [Int64] = []
    public var contact: [Int32] = []
    public var pipeline: [Int32] = []
    public var owner: [Int32] = []
    public var channel: [Int32] = []
    public var createdAt: [Instant] = []
    public var closedAt: [Instant] = []
    public var status: [DealStatus] = []
    /// Exact minor units; `Money.missing` when unknown.
    public var amount: [Money] = []
    public var lostReason: [Int32] = []
    public init() {}
    public var count: Int { id.count }
}

/// One row each time a deal entered a stage.
public struct DealStageTable: Sendable {
    public var deal: [Int32] = []
    public var stage: [Int32] = []
    public var enteredAt: [Instant] = []
    public init() {}
    public var count: Int { deal.count }
}

/// The configured stage order of a pipeline (from `pipeline_stages`).
public struct PipelineStage: Sendable, Equatable {
    public let pipeline: String
    public let stage: String
    public let position: Int
}

public struct CampaignTable: Sendable {
    public var id: [Int64] = []
    public var name: [String] = []
    public var channel: [Int32] = []
    public var kind: [Int32] = []
    public var startedAt: [Instant] = []
    public var endedAt: [Instant] = []
    /// Exact minor units; `Money.missing` when unknown.
    public var cost: [Money] = []
    /// -1: the config default.
    public var windowDays: [Int32] = []
    public init() {}
    public var count: Int { id.count }
}

public struct CampaignMemberTable: Sendable {
    public var campaign: [Int32] = []
    public var contact: [Int32] = []
    public var arm: [Arm] = []
    public var assignedAt: [Instant] = []
    public init() {}
    public var count: Int { campaign.count }
}

/// Every message sent. Later events at or after the as-of moment are missing.
public struct MessageTable: Sendable {
    public var id: [Int64] = []
    public var campaign: [Int32] = []
    public var contact: [Int32] = []
    public var channel: [Int32] = []
    public var purpose: [MessagePurpose] = []
    public var sentAt: [Instant] = []
    public var deliveredAt: [Instant] = []
    public var openedAt: [Instant] = []
    public var clickedAt: [Instant] = []
    public var bounce: [Bounce?] = []
    public var unsubscribedAt: [Instant] = []
    public init() {}
    public var count: Int { id.count }
}

/// Consent events.
public struct ConsentTable: Sendable {
    public var id: [Int64] = []
    public var contact: [Int32] = []
    public var purpose: [ConsentPurpose] = []
    /// nil: every channel.
    public var channel: [Channel?] = []
    public var action: [ConsentAction] = []
    public var occurredAt: [Instant] = []
    /// Where it was given (`web_form`, `pos`, ...): a code into `Vocabulary.consentSources`, -1: none.
    public var source: [Int32] = []
    /// The proof reference as recorded (policy version, IP, double opt-in token, document id).
    public var evidence = TextColumn()
    public var expiresAt: [Instant] = []
    public init() {}
    public var count: Int { id.count }
}

public struct InteractionTable: Sendable {
    public var contact: [Int32] = []
    public var kind: [InteractionKind] = []
    public var occurredAt: [Instant] = []
    public var channel: [Int32] = []
    public init() {}
    public var count: Int { contact.count }
}

public struct AcquisitionCostTable: Sendable {
    public var source: [Int32] = []
    /// The local day number (days since 1970-01-01).
    public var day: [Int] = []
    /// Exact minor units.
    public var amount: [Money] = []
    public init() {}
    public var count: Int { source.count }
}

/// The interned text columns, one vocabulary per kind of value so codes compare across tables.
public struct Vocabulary: Sendable {
    public var sources = Labels()      // contacts.source, acquisition_costs.source
    public var regions = Labels()
    public var owners = Labels()       // contacts.owner, deals.owner
    public var pipelines = Labels()
    public var stages = Labels()
    public var leadChannels = Labels() // deals.channel
    public var orderChannels = Labels()
    public var channels = Labels()     // campaigns, messages
    public var interactionChannels = Labels()
    public var lostReasons = Labels()
    public var campaignKinds = Labels()
    public var consentSources = Labels() // consents.source
    public init() {}
}
