import Formatting

/// A birth date that does not parse as YYYY-MM-DD, lies after T's day, or more than 120 years before it.
public struct ImplausibleCheck: StaleCheck {
    public init() {}

    public static let description = CheckDescription(
        identifier: "implausible",
        name: Bilingual(en: "Implausible birth date", ru: "Неправдоподобная дата рождения"),
        severity: .warning,
        basis: "GDPR Art. 5(1)(d); 152-FZ art. 5 part 6",
        summary: Bilingual(
            en: "The birth date cannot be right: it is not a date (YYYY-MM-DD), it lies in the future, or it is more than 120 years ago. Age checks (such as the consent age) and birthday campaigns go wrong on it.",
            ru: "Дата рождения не может быть верной: это не дата (ГГГГ-ММ-ДД), она в будущем или больше 120 лет назад. На ней ошибаются проверки возраста (например, возраста согласия) и поздравительные рассылки."),
        action: Bilingual(en: "Correct the birth date with the contact, or clear it.", ru: "Исправьте дату рождения вместе с контактом или очистите её."),
        failing: [Example(findings: 3, ["contacts": [["id": "1", "created_at": "2026-01-01", "birth_date": "1990-02-30"],
                                                     ["id": "2", "created_at": "2026-01-01", "birth_date": "2026-11-24"],
                                                     ["id": "3", "created_at": "2026-01-01", "birth_date": "1906-11-22"]]])],
        passing: [Example(findings: 0, ["contacts": [["id": "1", "created_at": "2026-01-01", "birth_date": "1990-05-17"],
                                                     ["id": "2", "created_at": "2026-01-01", "birth_date": "1906-11-23"],
                                                     ["id": "3", "created_at": "2026-01-01", "birth_date": "2026-11-23"],
                                                     ["id": "4", "created_at": "2026-01-01", "birth_date": nil]]])])

    public func findings(in context: StaleContext) -> [Finding] {
        let births = context.snapshot.contacts.birthDate
        // Calendar days in the report's zone: a birth date is a day, not a moment; "today" is
        // the date of T, as in RFM's recency.
        let today = context.snapshot.zone.day(of: context.at)
        let oldest = CivilDate.addingMonths(-120 * 12, to: today)
        return context.findings(Self.description) { row in
            guard let text = births[row] else { return false }
            guard let day = CivilDate.parse(text.trimmedSpaces) else { return true }
            return day > today || day < oldest
        }
    }
}
