/// expired_consent: a marketing message sent when the deciding grant had expired.
struct ExpiredConsentCheck: MessageCheck {
    static let population = ConsentPopulation.marketingMessages
    static let evidence: [EvidenceFact.Name] = EvidenceFact.Name.event + [.expiresAt]

    static let description = CheckDescription(
        identifier: "expired_consent",
        name: Bilingual(en: "Expired consent", ru: "Истёкшее согласие"),
        severity: .violation,
        basis: "38-FZ art. 18 part 1; GDPR Art. 7(1)",
        summary: Bilingual(
            en: "A marketing message sent when the grant that decided the recipient's consent had expired (its expiry at or before the send time). An earlier grant does not come back when a later one expires.",
            ru: "Рекламное сообщение, отправленное, когда срок согласия, определявшего состояние получателя, истёк (срок наступил в момент отправки или раньше). Более раннее согласие не возобновляется, когда истекает более позднее."),
        action: Bilingual(en: "Ask for renewed consent before the term ends, and suppress expired grants.",
                          ru: "Запрашивайте продление согласия до окончания срока и исключайте истёкшие."),
        failing: [
            // Expiring exactly at the send time.
            Example(consents: [ExampleRow.grant(1, at: "2026-01-01", expires: "2026-06-01 10:00")],
                    messages: [ExampleRow.message(1, at: "2026-06-01 10:00")]),
            // The earlier, unlimited grant does not come back.
            Example(consents: [ExampleRow.grant(1, at: "2025-01-01"), ExampleRow.grant(2, at: "2026-01-01", expires: "2026-03-01")],
                    messages: [ExampleRow.message(1, at: "2026-04-01")]),
        ],
        passing: [
            Example(findings: 0, consents: [ExampleRow.grant(1, at: "2026-01-01", expires: "2026-06-01 10:00")],
                    messages: [ExampleRow.message(1, at: "2026-06-01 09:59")]),
        ])

    static func judge(_ m: MessageFacts, _ s: ConsentSettings) -> Decision? {
        guard m.isMarketing, m.deciding >= 0, !m.decidingIsWithdrawal, m.decidingExpires.exists,
              m.decidingExpires <= m.sentAt else { return nil }
        return Decision(event: m.deciding)
    }
}
