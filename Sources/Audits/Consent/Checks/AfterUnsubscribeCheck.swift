/// after_unsubscribe: a marketing message on a channel at or after `consent.grace_days` past the
/// recipient's unsubscribe through an earlier message on that channel, with no marketing grant
/// for the channel (or NULL) between the unsubscribe and this message.
struct AfterUnsubscribeCheck: MessageCheck {
    static let population = ConsentPopulation.marketingMessages
    static let evidence: [EvidenceFact.Name] = EvidenceFact.Name.event + [.unsubscribeMessageID, .unsubscribedAt]

    static let description = CheckDescription(
        identifier: "after_unsubscribe",
        name: Bilingual(en: "Sent after unsubscribe", ru: "Отправлено после отписки"),
        severity: .violation,
        basis: "38-FZ art. 18 part 1; GDPR Art. 7(3)",
        summary: Bilingual(
            en: "A marketing message sent on a channel after the recipient unsubscribed through an earlier message on that channel, with no new grant since. An unsubscribe is a request to stop, even when no withdrawal was recorded.",
            ru: "Рекламное сообщение по каналу, где получатель отписался через более раннее сообщение, без нового согласия с тех пор. Отписка — это требование прекратить рассылку, даже если отзыв согласия не записан."),
        action: Bilingual(en: "Suppress unsubscribed recipients on that channel until they grant consent again.",
                          ru: "Исключайте отписавшихся из рассылки по этому каналу, пока они снова не дадут согласие."),
        failing: [
            Example(consents: [ExampleRow.grant(1, at: "2026-01-01")],
                    messages: [ExampleRow.message(1, at: "2026-03-01", unsubscribed: "2026-03-02"), ExampleRow.message(2, at: "2026-03-10")]),
            // A grant for another channel does not clear it.
            Example(consents: [ExampleRow.grant(1, at: "2026-01-01"), ExampleRow.grant(2, channel: "sms", at: "2026-03-05")],
                    messages: [ExampleRow.message(1, at: "2026-03-01", unsubscribed: "2026-03-02"), ExampleRow.message(2, at: "2026-03-10")]),
        ],
        passing: [
            // A re-grant after the unsubscribe clears it.
            Example(findings: 0, consents: [ExampleRow.grant(1, at: "2026-01-01"), ExampleRow.grant(2, at: "2026-03-05")],
                    messages: [ExampleRow.message(1, at: "2026-03-01", unsubscribed: "2026-03-02"), ExampleRow.message(2, at: "2026-03-10")]),
            // An unsubscribe on another channel.
            Example(findings: 0, consents: [ExampleRow.grant(1, channel: nil, at: "2026-01-01")],
                    messages: [ExampleRow.message(1, channel: "sms", at: "2026-03-01", unsubscribed: "2026-03-02"),
                               ExampleRow.message(2, at: "2026-03-10")]),
        ])

    static func judge(_ m: MessageFacts, _ s: ConsentSettings) -> Decision? {
        guard m.isMarketing, m.unsubscribeAt.exists, !(m.lastGrantAt > m.unsubscribeAt) else { return nil }
        // The deciding event is the one in force at send time: the grant the unsubscribe should have
        // overridden (metrics.md, small print); the unsubscribing message is its evidence.
        return Decision(event: m.deciding, causeMessage: m.unsubscribeMessage)
    }
}
