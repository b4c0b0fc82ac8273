/// unrecorded_unsubscribe: an unsubscribe with no marketing withdrawal for that channel (or NULL)
/// recorded at or after it and within max(`consent.grace_days`, 1) days.
struct UnrecordedUnsubscribeCheck: UnsubscribeCheck {
    static let population = ConsentPopulation.unsubscribes
    static let evidence: [EvidenceFact.Name] = [.unsubscribeMessageID, .unsubscribedAt, .windowEnd, .lateWithdrawalEventID]

    static let description = CheckDescription(
        identifier: "unrecorded_unsubscribe",
        name: Bilingual(en: "Unsubscribe not recorded", ru: "Отписка не записана"),
        severity: .warning,
        basis: "38-FZ art. 18 part 1 (the burden of proof lies with the sender); GDPR Art. 7(1), 7(3)",
        summary: Bilingual(
            en: "A recipient unsubscribed through a message, but no marketing withdrawal for that channel (or every channel) was recorded within a day (or the grace period, if longer). Without the record, the next campaign will write to them again and the opt-out cannot be proven.",
            ru: "Получатель отписался через сообщение, но отзыв согласия на рекламу по этому каналу (или по всем каналам) не записан в течение суток (или льготного срока, если он длиннее). Без записи следующая кампания напишет ему снова, а отписку нельзя доказать."),
        action: Bilingual(en: "Record every unsubscribe as a withdrawal in the CRM automatically.",
                          ru: "Автоматически записывайте каждую отписку в CRM как отзыв согласия."),
        failing: [
            // Recorded two days later: too late.
            Example(consents: [ExampleRow.grant(1, at: "2026-01-01"), ExampleRow.withdraw(2, at: "2026-03-04 10:00")],
                    messages: [ExampleRow.message(1, at: "2026-03-01", unsubscribed: "2026-03-02 10:00")]),
        ],
        passing: [
            // Recorded two hours later.
            Example(findings: 0, consents: [ExampleRow.grant(1, at: "2026-01-01"), ExampleRow.withdraw(2, channel: nil, at: "2026-03-02 12:00")],
                    messages: [ExampleRow.message(1, at: "2026-03-01", unsubscribed: "2026-03-02 10:00")]),
        ])

    static func judge(_ u: UnsubscribeFacts, _ s: ConsentSettings) -> Decision? {
        let recorded = u.nextWithdrawal >= 0 && u.nextWithdrawalAt.ms <= u.unsubscribedAt.ms + s.recordWindowMs
        return recorded ? nil : Decision(event: -1, causeMessage: u.message, lateWithdrawal: u.nextWithdrawal)
    }
}
