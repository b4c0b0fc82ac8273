/// no_processing_consent: a non-deleted contact holding personal data with no active
/// `processing` grant at the as-of moment (processing is read across all channels).
struct NoProcessingConsentCheck: ContactCheck {
    static let population = ConsentPopulation.contactsWithPersonalData
    static let evidence: [EvidenceFact.Name] = EvidenceFact.Name.event + [.expiresAt]

    static let description = CheckDescription(
        identifier: "no_processing_consent",
        name: Bilingual(en: "No consent to processing", ru: "Нет согласия на обработку"),
        severity: .violation,
        basis: "152-FZ art. 9; GDPR Art. 6(1)(a)",
        summary: Bilingual(
            en: "A contact whose name, e-mail or phone is held without an active consent to the processing of personal data: never given, withdrawn, or expired.",
            ru: "Контакт, чьи имя, e-mail или телефон хранятся без действующего согласия на обработку персональных данных: оно не давалось, отозвано или истекло."),
        action: Bilingual(en: "Obtain consent to processing, or another lawful basis, or erase the personal data.",
                          ru: "Получите согласие на обработку или иное законное основание либо удалите персональные данные."),
        failing: [
            Example(),
            Example(consents: [ExampleRow.grant(1, "processing", channel: nil, at: "2025-01-01"),
                               ExampleRow.withdraw(2, "processing", channel: "email", at: "2026-11-01")]),
        ],
        passing: [
            Example(findings: 0, consents: [ExampleRow.grant(1, "processing", channel: nil, at: "2025-01-01")]),
            Example(findings: 0, contacts: [ExampleRow.contact(name: nil, email: nil)]),
        ])

    static func judge(_ c: ContactFacts, _ s: ConsentSettings) -> Decision? {
        guard c.hasPersonalData else { return nil }
        let active = c.processing >= 0 && !c.processingIsWithdrawal && !(c.processingExpires.exists && c.processingExpires <= s.asOf)
        return active ? nil : Decision(event: c.processing)
    }
}
