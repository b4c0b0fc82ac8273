/// old_consent: an active marketing grant older than `consent.reconfirm_days`.
struct OldConsentCheck: GrantCheck {
    static let population = ConsentPopulation.activeMarketingGrants
    static let evidence: [EvidenceFact.Name] = EvidenceFact.Name.event + [.grantAgeDays]

    static let description = CheckDescription(
        identifier: "old_consent",
        name: Bilingual(en: "Old consent", ru: "Давнее согласие"),
        severity: .info,
        basis: "GDPR Art. 7(1) (consent must stay demonstrable); good practice: re-confirm",
        summary: Bilingual(
            en: "An active marketing grant given longer ago than the re-confirmation period. It still counts, but old consents are the hardest to prove and the likeliest to be disputed.",
            ru: "Действующее согласие на рекламу, данное раньше срока повторного подтверждения. Оно действует, но давние согласия труднее всего доказать и чаще всего оспаривают."),
        action: Bilingual(en: "Ask the contact to re-confirm consent in the next message.",
                          ru: "Попросите контакт подтвердить согласие в следующем сообщении."),
        failing: [
            Example(consents: [ExampleRow.grant(1, at: "2024-01-01")]),
        ],
        passing: [
            Example(findings: 0, consents: [ExampleRow.grant(1, at: "2026-01-01")]),
            // Old, but no longer active.
            Example(findings: 0, consents: [ExampleRow.grant(1, at: "2024-01-01"), ExampleRow.withdraw(2, at: "2026-01-01")]),
        ])

    static func judge(_ g: GrantFacts, _ s: ConsentSettings) -> Decision? {
        g.purpose == .marketing && g.isActive && s.asOf.ms - g.occurredAt.ms > s.reconfirmMs ? Decision(event: g.consent) : nil
    }
}
