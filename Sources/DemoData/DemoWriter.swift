import GRDB

/// The prepared inserts of every table and the running ids of the rows that have one.
final class DemoWriter {
    let contacts, consents, orders, members, messages, deals, stages, interactions: SQLiteInserter
    private var consent = 0, order = 0, message = 0, deal = 0, interaction = 0

    init(_ db: Database) throws {
        contacts = try SQLiteInserter(db, table: "contacts", columns: ["id", "full_name", "email", "phone", "push_token", "birth_date", "gender",
                                                                        "region", "segment", "company", "source", "owner", "created_at", "verified_at",
                                                                        "email_status", "deleted_at"])
        consents = try SQLiteInserter(db, table: "consents", columns: ["id", "contact_id", "purpose", "channel", "action", "occurred_at", "source", "evidence", "expires_at"])
        orders = try SQLiteInserter(db, table: "orders", columns: ["id", "contact_id", "ordered_at", "amount", "channel", "store", "status"])
        members = try SQLiteInserter(db, table: "campaign_members", columns: ["campaign_id", "contact_id", "arm", "assigned_at"])
        messages = try SQLiteInserter(db, table: "messages", columns: ["id", "campaign_id", "contact_id", "channel", "purpose", "sent_at", "delivered_at",
                                                                        "opened_at", "clicked_at", "bounce", "unsubscribed_at"])
        deals = try SQLiteInserter(db, table: "deals", columns: ["id", "contact_id", "pipeline", "owner", "channel", "created_at", "closed_at", "status", "amount", "lost_reason"])
        stages = try SQLiteInserter(db, table: "deal_stages", columns: ["deal_id", "stage", "entered_at"])
        interactions = try SQLiteInserter(db, table: "interactions", columns: ["id", "contact_id", "kind", "occurred_at", "channel"])
    }

    func nextConsent() -> Int { consent += 1; return consent }
    func nextOrder() -> Int { order += 1; return order }
    func nextMessage() -> Int { message += 1; return message }
    func nextDeal() -> Int { deal += 1; return deal }
    func nextInteraction() -> Int { interaction += 1; return interaction }

    var rowCounts: [(String, Int)] {
        [("contacts", contacts.rows), ("orders", orders.rows), ("messages", messages.rows), ("consents", consents.rows),
         ("deals", deals.rows), ("deal_stages", stages.rows), ("campaign_members", members.rows), ("interactions", interactions.rows)]
    }
}
