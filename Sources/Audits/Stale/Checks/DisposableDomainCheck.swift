/// A valid address at a throwaway mail domain or a sub-domain of one (`DisposableDomains`).
public struct DisposableDomainCheck: StaleCheck {
    public init() {}

    public static let description = CheckDescription(
        identifier: "disposable_domain",
        name: Bilingual(en: "Disposable domain", ru: "Одноразовый домен"),
        severity: .warning,
        basis: "GDPR Art. 5(1)(d); 152-FZ art. 5 part 6",
        summary: Bilingual(
            en: "The e-mail is at a throwaway mail service (the public CC0 disposable-email-domains list shipped with the tool, extendable with stale.disposable_domains), or a sub-domain of one. Such an address stops working within hours or days.",
            ru: "Адрес e-mail принадлежит сервису одноразовой почты (публичный список disposable-email-domains под CC0, входящий в поставку, дополняется через stale.disposable_domains) или его поддомену. Такой адрес перестаёт работать через часы или дни."),
        action: Bilingual(en: "Ask the contact for a permanent address, or remove it.", ru: "Запросите у контакта постоянный адрес или удалите этот."),
        failing: [Example(findings: 2, ["contacts": [["id": "1", "created_at": "2026-01-01", "email": "a@mailinator.com"],
                                                     ["id": "2", "created_at": "2026-01-01", "email": "b@eu.Mailinator.com"]]]),
                  Example(config: ["stale.disposable_domains": "[throwaway.example]"],
                          ["contacts": [["id": "1", "created_at": "2026-01-01", "email": "a@throwaway.example"]]])],
        // The list itself names notmailinator.com, so the look-alike here is xmailinator.com.
        passing: [Example(findings: 0, ["contacts": [["id": "1", "created_at": "2026-01-01", "email": "a@xmailinator.com"],
                                                     ["id": "2", "created_at": "2026-01-01", "email": "a@mailinator.com.example.org"]]])])

    public func findings(in context: StaleContext) -> [Finding] {
        let v = context.validation
        return context.findings(Self.description) { v.emailIsDisposableDomain($0) }
    }
}
