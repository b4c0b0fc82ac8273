/// missing_evidence: a grant with no `source` or no `evidence`.
struct MissingEvidenceCheck: GrantCheck {
    static let population = ConsentPopulation.grants
    static let evidence: [EvidenceFact.Name] = EvidenceFact.Name.event + [.missing]

    static let description = CheckDescription(
        identifier: "missing_evidence",
        name: Bilingual(en: "Consent without evidence", ru: "Согласие без доказательств"),
        severity: .warning,
        basis: "38-FZ art. 18 part 1 (the burden of proof lies with the sender); 152-FZ art. 9 part 3; GDPR Art. 7(1)",
        summary: Bilingual(
            en: "A grant recorded without where it was given (source) or without proof (form or policy version, IP, double opt-in token, document). A consent that cannot be shown to a regulator protects nobody.",
            ru: "Согласие записано без указания, где оно получено (источник), или без доказательства (версия формы или политики, IP, токен подтверждения, документ). Согласие, которое нельзя предъявить регулятору, никого не защищает."),
        action: Bilingual(en: "Fill in source and evidence at capture; re-collect consent where the proof is lost.",
                          ru: "Заполняйте источник и доказательство при получении; где доказательство утрачено, получите согласие заново."),
        failing: [
            Example(consents: [ExampleRow.grant(1, at: "2026-01-01", evidence: nil)]),
            Example(consents: [ExampleRow.grant(1, "processing", channel: nil, at: "2026-01-01", source: nil)]),
        ],
        passing: [
            Example(findings: 0, consents: [ExampleRow.grant(1, at: "2026-01-01")]),
        ])

    static func judge(_ g: GrantFacts, _ s: ConsentSettings) -> Decision? {
        g.hasSource && g.hasEvidence ? nil : Decision(event: g.consent)
    }
}
