/// no_consent: a marketing message to a recipient who never granted marketing consent for its channel.
struct NoConsentCheck: MessageCheck {
    static let population = ConsentPopulation.marketingMessages
    static let evidence: [EvidenceFact.Name] = []

    static let description = CheckDescription(
        identifier: "no_consent",
        name: Bilingual(en: "No consent", ru: "Нет согласия"),
        severity: .violation,
        basis: "38-FZ art. 18 part 1; GDPR Art. 6(1)(a), 7(1)",
        summary: Bilingual(
            en: "A marketing message sent while the recipient had never granted marketing consent for its channel (or for every channel). Advertising by telecom networks needs prior consent, and the sender must prove it.",
            ru: "Рекламное сообщение, отправленное получателю, который ни разу не давал согласия на рекламу по этому каналу (или по всем каналам). Реклама по сетям электросвязи требует предварительного согласия, и доказать его должен отправитель."),
        action: Bilingual(en: "Stop sending to the segment and collect consent before the next campaign.",
                          ru: "Остановите отправку этому сегменту и получите согласие до следующей кампании."),
        failing: [
            Example(messages: [ExampleRow.message(1, at: "2026-10-05")]),
            // A withdrawal with no grant before it: the recipient never granted.
            Example(consents: [ExampleRow.withdraw(1, at: "2026-09-01")], messages: [ExampleRow.message(1, at: "2026-10-05")]),
            // A grant for another channel does not cover this one.
            Example(consents: [ExampleRow.grant(1, channel: "sms", at: "2026-09-01")], messages: [ExampleRow.message(1, at: "2026-10-05")]),
        ],
        passing: [
            Example(findings: 0, consents: [ExampleRow.grant(1, channel: nil, at: "2026-09-01")],
                    messages: [ExampleRow.message(1, at: "2026-10-05")]),
            Example(findings: 0, messages: [ExampleRow.message(1, "transactional", at: "2026-10-05")]),
        ])

    static func judge(_ m: MessageFacts, _ s: ConsentSettings) -> Decision? {
        m.isMarketing && !m.everGranted ? Decision(event: -1) : nil
    }
}
