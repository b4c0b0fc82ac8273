/// not_erased: the latest `processing` event (across all channels) is a withdrawal more than
/// `consent.erasure_days` before the as-of moment, and the contact is not deleted.
struct NotErasedCheck: ContactCheck {
    static let population = ConsentPopulation.contacts
    static let evidence: [EvidenceFact.Name] = EvidenceFact.Name.event + [.erasureDeadline]

    static let description = CheckDescription(
        identifier: "not_erased",
        name: Bilingual(en: "Not erased after withdrawal", ru: "Не удалён после отзыва"),
        severity: .violation,
        basis: "152-FZ art. 21 part 5; GDPR Art. 17",
        summary: Bilingual(
            en: "The contact withdrew consent to the processing of personal data longer ago than the erasure period (consent.erasure_days; 152-FZ allows at most 30 days), gave none since, and is still not deleted.",
            ru: "Контакт отозвал согласие на обработку персональных данных раньше срока удаления (consent.erasure_days; 152-ФЗ допускает не больше 30 дней), нового не давал и до сих пор не удалён."),
        action: Bilingual(en: "Erase or anonymize the contact's personal data and record the deletion.",
                          ru: "Удалите или обезличьте персональные данные контакта и зафиксируйте удаление."),
        failing: [
            Example(consents: [ExampleRow.grant(1, "processing", channel: nil, at: "2025-01-01"),
                               ExampleRow.withdraw(2, "processing", channel: nil, at: "2026-10-14")]),
        ],
        passing: [
            // 30 days is not more than 30 days.
            Example(findings: 0, consents: [ExampleRow.grant(1, "processing", channel: nil, at: "2025-01-01"),
                                            ExampleRow.withdraw(2, "processing", channel: nil, at: "2026-10-24")]),
            // A later grant clears it.
            Example(findings: 0, consents: [ExampleRow.withdraw(1, "processing", channel: nil, at: "2026-01-01"),
                                            ExampleRow.grant(2, "processing", channel: nil, at: "2026-02-01")]),
            Example(findings: 0, contacts: [ExampleRow.contact(deleted: "2026-11-01")],
                    consents: [ExampleRow.withdraw(1, "processing", channel: nil, at: "2026-01-01")]),
        ])

    static func judge(_ c: ContactFacts, _ s: ConsentSettings) -> Decision? {
        guard c.processing >= 0, c.processingIsWithdrawal, s.asOf.ms - c.processingAt.ms > s.erasureMs else { return nil }
        return Decision(event: c.processing)
    }
}
