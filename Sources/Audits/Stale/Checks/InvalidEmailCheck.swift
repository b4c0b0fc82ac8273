/// An e-mail that, trimmed, breaks the address rules of metrics.md (see `EmailValidator`).
public struct InvalidEmailCheck: StaleCheck {
    public init() {}

    public static let description = CheckDescription(
        identifier: "invalid_email",
        name: Bilingual(en: "Invalid e-mail", ru: "Неверный e-mail"),
        severity: .warning,
        basis: "GDPR Art. 5(1)(d); 152-FZ art. 5 part 6; RFC 5321, RFC 5322, RFC 6531",
        summary: Bilingual(
            en: "The e-mail address is not a deliverable address: bad syntax, a quoted local part or an IP literal, too long, an invalid or special-use domain (such as .test or localhost). Nothing sent to it can arrive, and the record is inaccurate.",
            ru: "Адрес e-mail не может получать письма: неверный синтаксис, локальная часть в кавычках или IP-адрес вместо домена, слишком длинный адрес, неверный или служебный домен (например .test или localhost). Письма не дойдут, а запись неточна."),
        action: Bilingual(en: "Correct the address with the contact, or remove it.", ru: "Исправьте адрес вместе с контактом или удалите его."),
        failing: [Example(["contacts": [["id": "1", "created_at": "2026-01-01", "email": "my@localhost"]]]),
                  Example(findings: 2, ["contacts": [["id": "1", "created_at": "2026-01-01", "email": "\"quoted\"@example.com"],
                                                     ["id": "2", "created_at": "2026-01-01", "email": "me@[127.0.0.1]"]]])],
        passing: [Example(findings: 0, ["contacts": [["id": "1", "created_at": "2026-01-01", "email": "  Abc@example.tld "],
                                                     ["id": "2", "created_at": "2026-01-01", "email": nil]]])])

    public func findings(in context: StaleContext) -> [Finding] {
        let v = context.validation
        return context.findings(Self.description) { v.hasEmail($0) && !v.emailIsValid($0) }
    }
}
