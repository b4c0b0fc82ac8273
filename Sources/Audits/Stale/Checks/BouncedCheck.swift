/// An e-mail the provider rejected: `email_status` hard_bounce or complaint, or a hard-bounced
/// e-mail message with no later e-mail message delivered (see `ContactReachability.emailBounced`).
public struct BouncedCheck: StaleCheck {
    public init() {}

    public static let tables = StaleTables(reads: ["messages"], needsOne: false)

    public static let description = CheckDescription(
        identifier: "bounced",
        name: Bilingual(en: "Bounced e-mail", ru: "Отказ e-mail"),
        severity: .warning,
        basis: "GDPR Art. 5(1)(d); 152-FZ art. 5 part 6",
        summary: Bilingual(
            en: "Mail to this address bounced hard or was reported as spam: email_status is hard_bounce or complaint, or an e-mail message bounced hard and no e-mail message sent after it was delivered. Sending more hurts the sender's reputation and reaches nobody.",
            ru: "Письма на этот адрес возвращаются с жёстким отказом или помечены как спам: email_status равен hard_bounce или complaint, либо письмо получило жёсткий отказ и ни одно письмо, отправленное после него, не было доставлено. Новые письма вредят репутации отправителя и никого не достигают."),
        action: Bilingual(en: "Stop mailing the address; ask the contact for a new one.", ru: "Прекратите рассылку на адрес; запросите у контакта новый."),
        failing: [Example(["contacts": [["id": "1", "created_at": "2026-01-01", "email": "a@example.com", "email_status": "complaint"]]]),
                  Example(["contacts": [["id": "1", "created_at": "2026-01-01", "email": "a@example.com"]],
                           "messages": [["id": "1", "contact_id": "1", "channel": "email", "purpose": "marketing", "sent_at": "2026-03-01",
                                         "delivered_at": "2026-03-01", "bounce": nil],
                                        ["id": "2", "contact_id": "1", "channel": "email", "purpose": "marketing", "sent_at": "2026-04-01",
                                         "bounce": "hard"]]])],
        passing: [Example(findings: 0, ["contacts": [["id": "1", "created_at": "2026-01-01", "email": "a@example.com", "email_status": "soft_bounce"]],
                                        "messages": [["id": "1", "contact_id": "1", "channel": "email", "purpose": "marketing", "sent_at": "2026-03-01",
                                                      "bounce": "hard"],
                                                     ["id": "2", "contact_id": "1", "channel": "email", "purpose": "marketing", "sent_at": "2026-04-01",
                                                      "delivered_at": "2026-04-01"],
                                                     ["id": "3", "contact_id": "1", "channel": "sms", "purpose": "marketing", "sent_at": "2026-05-01",
                                                      "bounce": "hard"]]])])

    public func findings(in context: StaleContext) -> [Finding] {
        let bounced = context.reachability.emailBounced
        return context.findings(Self.description) { bounced[$0] }
    }
}
