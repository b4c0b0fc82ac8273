/// Contact data nobody re-confirmed within `stale.verify_days` (730) of T.
public struct UnverifiedCheck: StaleCheck {
    public init() {}

    public static let description = CheckDescription(
        identifier: "unverified",
        name: Bilingual(en: "Not re-confirmed", ru: "Не подтверждён"),
        severity: .warning,
        basis: "GDPR Art. 5(1)(d); 152-FZ art. 5 part 6",
        summary: Bilingual(
            en: "The contact last confirmed their contact data (or entered the CRM, if they never confirmed it) more than stale.verify_days (default 730) days ago. Personal data must be kept accurate and up to date, and data this old often no longer is.",
            ru: "Контакт последний раз подтверждал свои данные (или попал в CRM, если не подтверждал никогда) больше stale.verify_days (по умолчанию 730) дней назад. Персональные данные должны быть точными и актуальными, а такие старые часто уже неверны."),
        action: Bilingual(en: "Ask the contact to re-confirm their data.", ru: "Попросите контакт подтвердить данные заново."),
        failing: [Example(["contacts": [["id": "1", "created_at": "2020-01-01", "email": "a@example.com"]]]),
                  Example(["contacts": [["id": "1", "created_at": "2019-01-01", "verified_at": "2024-11-01", "email": "a@example.com"]]])],
        passing: [Example(findings: 0, ["contacts": [["id": "1", "created_at": "2020-01-01", "verified_at": "2026-01-10"]]]),
                  Example(findings: 0, ["contacts": [["id": "1", "created_at": "2025-06-01"]]])])

    public func findings(in context: StaleContext) -> [Finding] {
        let c = context.snapshot.contacts
        let limit = Double(context.settings.verifyDays)
        return context.findings(Self.description) { row in
            let since = context.happened(c.verifiedAt[row]) ? c.verifiedAt[row] : c.createdAt[row]
            return since.days(until: context.at) > limit
        }
    }
}
