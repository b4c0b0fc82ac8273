/// A phone that libphonenumber does not accept as a valid number, read with `stale.default_region`.
public struct InvalidPhoneCheck: StaleCheck {
    public init() {}

    public static let description = CheckDescription(
        identifier: "invalid_phone",
        name: Bilingual(en: "Invalid phone", ru: "Неверный телефон"),
        severity: .warning,
        basis: "GDPR Art. 5(1)(d); 152-FZ art. 5 part 6",
        summary: Bilingual(
            en: "The phone number is not a valid number for its country (a number without a country code is read in stale.default_region, default RU), judged by Google's libphonenumber. Calls and SMS to it cannot reach the contact.",
            ru: "Номер телефона не является действительным номером своей страны (номер без кода страны читается в регионе stale.default_region, по умолчанию RU) по данным libphonenumber от Google. Звонки и SMS на него не дойдут."),
        action: Bilingual(en: "Correct the number with the contact, or remove it.", ru: "Исправьте номер вместе с контактом или удалите его."),
        failing: [Example(["contacts": [["id": "1", "created_at": "2026-01-01", "phone": "12345"]]])],
        passing: [Example(findings: 0, ["contacts": [["id": "1", "created_at": "2026-01-01", "phone": "8 (912) 345-67-89"],
                                                     ["id": "2", "created_at": "2026-01-01", "phone": "+1 650 253 0000"]]])])

    public func findings(in context: StaleContext) -> [Finding] {
        let v = context.validation
        return context.findings(Self.description) { v.hasPhone($0) && !v.phoneIsValid($0) }
    }
}
