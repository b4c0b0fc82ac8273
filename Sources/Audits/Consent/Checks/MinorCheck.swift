import Formatting

/// minor: a marketing grant given when the contact was younger than `consent.min_age`
/// (whole years at the grant's local date; no finding when the birth date is absent or not a date).
struct MinorCheck: GrantCheck {
    static let population = ConsentPopulation.marketingGrants
    static let evidence: [EvidenceFact.Name] = EvidenceFact.Name.event + [.birthDate, .ageAtGrant]

    static let description = CheckDescription(
        identifier: "minor",
        name: Bilingual(en: "Consent by a minor", ru: "Согласие несовершеннолетнего"),
        severity: .warning,
        basis: "GDPR Art. 8; 152-FZ art. 9",
        summary: Bilingual(
            en: "A marketing grant given when the contact was younger than the minimum age, by the birth date on file. A child's consent needs a parent's; on its own it may not be valid.",
            ru: "Согласие на рекламу дано, когда контакт был младше минимального возраста (по дате рождения в CRM). Согласие ребёнка требует согласия родителя; само по себе оно может быть недействительным."),
        action: Bilingual(en: "Suppress marketing to the contact and obtain a parent's consent or wait for the age.",
                          ru: "Исключите контакт из рекламных рассылок и получите согласие родителя или дождитесь нужного возраста."),
        failing: [
            Example(contacts: [ExampleRow.contact(birth: "2015-05-01")], consents: [ExampleRow.grant(1, at: "2026-01-01")]),
            // One day before the fourteenth birthday.
            Example(contacts: [ExampleRow.contact(birth: "2012-01-02")], consents: [ExampleRow.grant(1, at: "2026-01-01")]),
        ],
        passing: [
            // Fourteen on the day of the grant.
            Example(findings: 0, contacts: [ExampleRow.contact(birth: "2012-01-01")], consents: [ExampleRow.grant(1, at: "2026-01-01")]),
            // A minor then, an adult now: the age at the grant counts, so this grant of an adult is fine.
            Example(findings: 0, contacts: [ExampleRow.contact(birth: "2000-01-01")], consents: [ExampleRow.grant(1, at: "2026-01-01")]),
            Example(findings: 0, contacts: [ExampleRow.contact(birth: "not a date")], consents: [ExampleRow.grant(1, at: "2026-01-01")]),
        ])

    static func judge(_ g: GrantFacts, _ s: ConsentSettings) -> Decision? {
        guard g.purpose == .marketing, let birth = g.birthDay,
              let age = age(born: birth, on: s.zone.day(of: g.occurredAt)), age < s.minAge else { return nil }
        return Decision(event: g.consent)
    }

    /// Whole years from a birth day to a day; nil when the birth is after the day (not a plausible record).
    static func age(born: Int, on day: Int) -> Int? {
        guard born <= day else { return nil }
        let b = CivilDate.civil(fromDays: born), d = CivilDate.civil(fromDays: day)
        let beforeBirthday = (d.month, d.day) < (b.month, b.day)
        return d.year - b.year - (beforeBirthday ? 1 : 0)
    }
}
