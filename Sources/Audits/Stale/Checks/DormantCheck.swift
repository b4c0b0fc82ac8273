import CRMData

/// No sign of life within `stale.dormant_days` before T (60 for b2c, 120 for b2b; a NULL
/// segment is b2c): no completed order, interaction, opened or clicked message, consent event,
/// nor the contact's own creation.
public struct DormantCheck: StaleCheck {
    public init() {}

    public static let tables = StaleTables(reads: ["messages", "consents", "interactions"], needsOne: false)

    public static let description = CheckDescription(
        identifier: "dormant",
        name: Bilingual(en: "Dormant", ru: "Спящий"),
        severity: .warning,
        basis: "CRM practice: reactivate after 60 days (b2c) or 90 to 120 days (b2b) of silence",
        summary: Bilingual(
            en: "The contact has shown no activity for stale.dormant_days (60 days for b2c, 120 for b2b): no completed order, interaction, opened or clicked message, consent event, nor creation in that time. A silent customer is one to win back before they are lost.",
            ru: "Контакт не проявлял активности stale.dormant_days дней (60 для b2c, 120 для b2b): ни выполненного заказа, ни взаимодействия, ни открытого или прочитанного письма, ни события согласия, ни создания за это время. Молчащего клиента стоит вернуть, пока он не ушёл."),
        action: Bilingual(en: "Reactivate the contact with a win-back offer.", ru: "Проведите реактивацию контакта."),
        failing: [Example(["contacts": [["id": "1", "created_at": "2026-01-01", "segment": "b2c"]],
                           "orders": [["id": "1", "contact_id": "1", "ordered_at": "2026-08-01", "amount": "10", "status": "completed"],
                                      ["id": "2", "contact_id": "1", "ordered_at": "2026-11-01", "amount": "10", "status": "cancelled"]]])],
        passing: [Example(findings: 0, ["contacts": [["id": "1", "created_at": "2026-01-01", "segment": "b2b"],
                                                     ["id": "2", "created_at": "2026-01-01"],
                                                     ["id": "3", "created_at": "2026-10-01"]],
                                        "orders": [["id": "1", "contact_id": "1", "ordered_at": "2026-08-01", "amount": "10", "status": "completed"]],
                                        "messages": [["id": "1", "contact_id": "2", "channel": "email", "purpose": "marketing",
                                                      "sent_at": "2026-05-01", "opened_at": "2026-11-20"]]])])

    public func findings(in context: StaleContext) -> [Finding] {
        let s = context.snapshot
        var latest = s.contacts.createdAt
        context.foldLatest(&latest, contacts: s.orders.contact, times: s.orders.orderedAt) { s.orders.status[$0] == .completed }
        if let i = s.interactions { context.foldLatest(&latest, contacts: i.contact, times: i.occurredAt) }
        if let c = s.consents { context.foldLatest(&latest, contacts: c.contact, times: c.occurredAt) }
        if let m = s.messages {
            context.foldLatest(&latest, contacts: m.contact, times: m.openedAt)
            context.foldLatest(&latest, contacts: m.contact, times: m.clickedAt)
        }
        let b2c = context.at.ms - Int64(context.settings.dormantDaysB2C) * Instant.msPerDay
        let b2b = context.at.ms - Int64(context.settings.dormantDaysB2B) * Instant.msPerDay
        return context.findings(Self.description) { row in
            latest[row].ms < (s.contacts.segment[row] == .b2b ? b2b : b2c)
        }
    }
}
