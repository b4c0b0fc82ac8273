import CRMData

/// A valid phone that is not a mobile number, while SMS marketing consent is active at T or an
/// SMS message was sent to the contact in the report period.
public struct SmsToNonMobileCheck: StaleCheck {
    public init() {}

    public static let tables = StaleTables(reads: ["consents", "messages"], needsOne: true)

    public static let description = CheckDescription(
        identifier: "sms_to_non_mobile",
        name: Bilingual(en: "SMS to a non-mobile number", ru: "SMS на не мобильный номер"),
        severity: .warning,
        basis: "GDPR Art. 5(1)(d); 152-FZ art. 5 part 6; 38-FZ art. 18 part 1",
        summary: Bilingual(
            en: "The phone number is valid but not a mobile one (a fixed line, toll-free or other number, judged by libphonenumber), while the contact has an active SMS marketing consent or was sent SMS messages in the period. Those messages cannot arrive.",
            ru: "Номер телефона действителен, но не мобильный (стационарный, бесплатный или иной номер по данным libphonenumber), а у контакта есть действующее согласие на SMS-рассылку или ему отправлялись SMS за период. Такие сообщения не дойдут."),
        action: Bilingual(en: "Ask the contact for a mobile number; stop SMS to this one.", ru: "Запросите у контакта мобильный номер; прекратите SMS на этот."),
        failing: [Example(["contacts": [["id": "1", "created_at": "2026-01-01", "phone": "+7 301 123-45-67"]],
                           "consents": [["id": "1", "contact_id": "1", "purpose": "marketing", "channel": "sms", "action": "grant",
                                         "occurred_at": "2026-01-01"]]]),
                  Example(["contacts": [["id": "1", "created_at": "2026-01-01", "phone": "8 (800) 123-45-67"]],
                           "messages": [["id": "1", "contact_id": "1", "channel": "sms", "purpose": "transactional",
                                         "sent_at": "2026-11-18"]]])],
        passing: [Example(findings: 0, ["contacts": [["id": "1", "created_at": "2026-01-01", "phone": "+7 912 345-67-89"],
                                                     ["id": "2", "created_at": "2026-01-01", "phone": "+7 301 123-45-67"],
                                                     ["id": "3", "created_at": "2026-01-01", "phone": "+7 301 123-45-68"],
                                                     ["id": "4", "created_at": "2026-01-01", "phone": "+7 301 123-45-69"]],
                                        "consents": [["id": "1", "contact_id": "1", "purpose": "marketing", "channel": nil, "action": "grant",
                                                      "occurred_at": "2026-01-01"],
                                                     ["id": "2", "contact_id": "2", "purpose": "marketing", "channel": "sms", "action": "grant",
                                                      "occurred_at": "2026-01-01"],
                                                     ["id": "3", "contact_id": "2", "purpose": "marketing", "channel": nil, "action": "withdraw",
                                                      "occurred_at": "2026-02-01"],
                                                     ["id": "4", "contact_id": "3", "purpose": "marketing", "channel": "sms", "action": "grant",
                                                      "occurred_at": "2026-01-01", "expires_at": "2026-06-01"]],
                                        "messages": [["id": "1", "contact_id": "4", "channel": "sms", "purpose": "marketing",
                                                      "sent_at": "2026-11-10"]]])])

    public func findings(in context: StaleContext) -> [Finding] {
        let v = context.validation
        var sms = Self.activeSMSConsent(context)
        if let m = context.snapshot.messages, let code = context.snapshot.vocabulary.channels.code(of: Channel.sms.name) {
            for i in 0..<m.count where m.channel[i] == code && context.period.contains(m.sentAt[i]) && context.happened(m.sentAt[i]) {
                sms[Int(m.contact[i])] = true
            }
        }
        return context.findings(Self.description) { row in sms[row] && v.phoneIsValid(row) && !v.phoneIsMobile(row) }
    }

    /// Per contact row: the marketing consent state for SMS at T is a grant that has not expired.
    /// The deciding event is the latest before T for purpose marketing and channel sms or NULL; at
    /// equal times a withdrawal wins, then the larger id (metrics.md, consent audit).
    static func activeSMSConsent(_ context: StaleContext) -> [Bool] {
        let n = context.snapshot.contacts.count
        guard let c = context.snapshot.consents else { return [Bool](repeating: false, count: n) }
        var deciding = [Int](repeating: -1, count: n)
        func wins(_ i: Int, over j: Int) -> Bool {
            if c.occurredAt[i] != c.occurredAt[j] { return c.occurredAt[i] > c.occurredAt[j] }
            if c.action[i] != c.action[j] { return c.action[i] == .withdraw }
            return c.id[i] > c.id[j]
        }
        for i in 0..<c.count where c.purpose[i] == .marketing && (c.channel[i] == nil || c.channel[i] == .sms)
            && context.happened(c.occurredAt[i]) {
            let row = Int(c.contact[i])
            if deciding[row] < 0 || wins(i, over: deciding[row]) { deciding[row] = i }
        }
        return deciding.map { i in
            i >= 0 && c.action[i] == .grant && !(c.expiresAt[i].exists && c.expiresAt[i] <= context.at)
        }
    }
}
