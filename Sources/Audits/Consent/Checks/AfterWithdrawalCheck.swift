/// after_withdrawal: a marketing message whose deciding event is a withdrawal, sent at or after
/// that withdrawal plus `consent.grace_days`.
struct AfterWithdrawalCheck: MessageCheck {
    static let population = ConsentPopulation.marketingMessages
    static let evidence: [EvidenceFact.Name] = EvidenceFact.Name.event

    static let description = CheckDescription(
        identifier: "after_withdrawal",
        name: Bilingual(en: "Sent after withdrawal", ru: "Отправлено после отзыва"),
        severity: .violation,
        basis: "38-FZ art. 18 part 1; GDPR Art. 7(3)",
        summary: Bilingual(
            en: "A marketing message sent after the recipient withdrew marketing consent for its channel (or for every channel), once the grace period had passed. A withdrawal must stop the messages at once.",
            ru: "Рекламное сообщение, отправленное после того, как получатель отозвал согласие на рекламу по этому каналу (или по всем каналам), по истечении льготного срока. Отзыв согласия должен немедленно прекращать рассылку."),
        action: Bilingual(en: "Sync withdrawals to the sending system before every send and suppress the contact.",
                          ru: "Синхронизируйте отзывы с системой рассылки перед каждой отправкой и исключите контакт."),
        failing: [
            Example(consents: [ExampleRow.grant(1, at: "2026-01-01"), ExampleRow.withdraw(2, at: "2026-02-01")],
                    messages: [ExampleRow.message(1, at: "2026-02-03")]),
            // A withdrawal for every channel overrides a grant for e-mail.
            Example(consents: [ExampleRow.grant(1, at: "2026-01-01"), ExampleRow.withdraw(2, channel: nil, at: "2026-02-01")],
                    messages: [ExampleRow.message(1, at: "2026-02-03")]),
        ],
        passing: [
            // Within the grace period.
            Example(findings: 0, config: ["consent.grace_days": "3"],
                    consents: [ExampleRow.grant(1, at: "2026-01-01"), ExampleRow.withdraw(2, at: "2026-02-01")],
                    messages: [ExampleRow.message(1, at: "2026-02-03")]),
            // Transactional messages need no marketing consent.
            Example(findings: 0, consents: [ExampleRow.grant(1, at: "2026-01-01"), ExampleRow.withdraw(2, at: "2026-02-01")],
                    messages: [ExampleRow.message(1, "transactional", at: "2026-02-03")]),
        ])

    static func judge(_ m: MessageFacts, _ s: ConsentSettings) -> Decision? {
        guard m.isMarketing, m.deciding >= 0, m.decidingIsWithdrawal, m.sentAt.ms >= m.decidingAt.ms + s.graceMs else { return nil }
        return Decision(event: m.deciding)
    }
}
