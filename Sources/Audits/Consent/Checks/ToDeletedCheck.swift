/// to_deleted: any message, marketing or transactional, sent to a contact at or after its deletion.
struct ToDeletedCheck: MessageCheck {
    static let population = ConsentPopulation.messages
    static let evidence: [EvidenceFact.Name] = [.deletedAt]

    static let description = CheckDescription(
        identifier: "to_deleted",
        name: Bilingual(en: "Message to a deleted contact", ru: "Сообщение удалённому контакту"),
        severity: .violation,
        basis: "152-FZ art. 21 part 5; GDPR Art. 17",
        summary: Bilingual(
            en: "A message of any kind sent at or after the moment the recipient was deleted (erased or archived on request). A deleted contact must not be messaged at all: its data should no longer be processed.",
            ru: "Сообщение любого вида, отправленное в момент удаления получателя или позже (удалён или архивирован по запросу). Удалённому контакту писать нельзя вовсе: его данные больше не должны обрабатываться."),
        action: Bilingual(en: "Remove deleted contacts from every send list and find the list that still held them.",
                          ru: "Исключите удалённые контакты из всех рассылок и найдите список, где они остались."),
        failing: [
            Example(contacts: [ExampleRow.contact(deleted: "2026-10-01")],
                    consents: [ExampleRow.grant(1, at: "2026-01-01")],
                    messages: [ExampleRow.message(1, "transactional", at: "2026-10-05")]),
        ],
        passing: [
            Example(findings: 0, contacts: [ExampleRow.contact(deleted: "2026-10-01")],
                    consents: [ExampleRow.grant(1, at: "2026-01-01")],
                    messages: [ExampleRow.message(1, at: "2026-09-30")]),
        ])

    static func judge(_ m: MessageFacts, _ s: ConsentSettings) -> Decision? {
        m.deletedAt.exists && m.sentAt >= m.deletedAt ? Decision(event: -1) : nil
    }
}
