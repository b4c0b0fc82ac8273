/// No channel left: no valid, not-bounced e-mail, no valid phone and no push token.
public struct UnreachableCheck: StaleCheck {
    public init() {}

    public static let tables = StaleTables(reads: ["messages"], needsOne: false)

    public static let description = CheckDescription(
        identifier: "unreachable",
        name: Bilingual(en: "Unreachable", ru: "Недоступен"),
        severity: .warning,
        basis: "GDPR Art. 5(1)(c), 5(1)(e); 152-FZ art. 5 parts 6 and 7",
        summary: Bilingual(
            en: "The contact has no way to be reached: no valid e-mail that has not bounced, no valid phone number and no push token. Such a record costs storage and risk and brings nothing.",
            ru: "С контактом нельзя связаться: нет действительного e-mail без отказов, нет действительного номера телефона и нет push-токена. Такая запись несёт расходы и риски и ничего не приносит."),
        action: Bilingual(en: "Find a working channel for the contact, or remove the record.", ru: "Найдите рабочий канал связи с контактом или удалите запись."),
        failing: [Example(["contacts": [["id": "1", "created_at": "2026-01-01", "email": "me@valid.invalid", "phone": "12345"]]]),
                  Example(["contacts": [["id": "1", "created_at": "2026-01-01", "email": "a@example.com", "email_status": "hard_bounce"]]])],
        passing: [Example(findings: 0, ["contacts": [["id": "1", "created_at": "2026-01-01", "push_token": "tok"],
                                                     ["id": "2", "created_at": "2026-01-01", "phone": "+7 912 345-67-89"],
                                                     ["id": "3", "created_at": "2026-01-01", "email": "a@example.com", "email_status": "soft_bounce"]]])])

    public func findings(in context: StaleContext) -> [Finding] {
        let r = context.reachability
        return context.findings(Self.description) { !r.isReachable($0) }
    }
}
