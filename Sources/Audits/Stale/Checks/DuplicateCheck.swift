/// Contacts sharing a normalized e-mail (trimmed, lower-cased, valid or not) or a valid phone in
/// E.164 with another base contact; every member of such a group is flagged, once.
public struct DuplicateCheck: StaleCheck {
    public init() {}

    public static let description = CheckDescription(
        identifier: "duplicate",
        name: Bilingual(en: "Duplicate", ru: "Дубликат"),
        severity: .warning,
        basis: "GDPR Art. 5(1)(d); 152-FZ art. 5 part 6",
        summary: Bilingual(
            en: "Two or more contacts share one e-mail address (compared trimmed and ignoring case) or one valid phone number (compared in E.164, so +7 912 and 8 (912) match). Duplicates split the customer's history, double the messages and skew every count.",
            ru: "Два и более контакта имеют один адрес e-mail (без пробелов по краям и без учёта регистра) или один действительный номер телефона (в формате E.164, так что +7 912 и 8 (912) совпадают). Дубликаты разрывают историю клиента, удваивают рассылки и искажают подсчёты."),
        action: Bilingual(en: "Merge the duplicate records.", ru: "Объедините дубликаты в одну запись."),
        failing: [Example(findings: 2, ["contacts": [["id": "1", "created_at": "2026-01-01", "email": "Anna@Example.com "],
                                                     ["id": "2", "created_at": "2026-01-01", "email": "anna@example.com"],
                                                     ["id": "3", "created_at": "2026-01-01", "email": "boris@example.com"]]]),
                  Example(findings: 2, ["contacts": [["id": "1", "created_at": "2026-01-01", "phone": "+7 912 345-67-89"],
                                                     ["id": "2", "created_at": "2026-01-01", "phone": "8 (912) 345 67 89"]]])],
        passing: [Example(findings: 0, ["contacts": [["id": "1", "created_at": "2026-01-01", "email": "anna@example.com", "phone": "12345"],
                                                     ["id": "2", "created_at": "2026-01-01", "email": "boris@example.com", "phone": "12345"],
                                                     ["id": "3", "created_at": "2026-01-01", "email": "anna@example.com",
                                                      "deleted_at": "2026-02-01"]]])])

    public func findings(in context: StaleContext) -> [Finding] {
        let v = context.validation
        var emails = [Int32](repeating: 0, count: v.emailGroupCount)
        var phones = [Int32](repeating: 0, count: v.e164.count)
        // Group sizes over the base at T only: a deleted twin makes no duplicate.
        for row in context.base {
            let e = v.emailGroup(Int(row)), p = v.phoneGroup(Int(row))
            if e >= 0 { emails[Int(e)] += 1 }
            if p >= 0 { phones[Int(p)] += 1 }
        }
        return context.findings(Self.description) { row in
            let e = v.emailGroup(row), p = v.phoneGroup(row)
            return (e >= 0 && emails[Int(e)] > 1) || (p >= 0 && phones[Int(p)] > 1)
        }
    }
}
