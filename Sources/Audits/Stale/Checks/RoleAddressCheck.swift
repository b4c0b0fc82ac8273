/// A valid address whose whole local part is a role name (`RoleAddresses`), ignoring case.
public struct RoleAddressCheck: StaleCheck {
    public init() {}

    public static let description = CheckDescription(
        identifier: "role_address",
        name: Bilingual(en: "Role address", ru: "Ролевой адрес"),
        severity: .warning,
        basis: "RFC 2142; GDPR Art. 5(1)(d); 38-FZ art. 18 part 1",
        summary: Bilingual(
            en: "The e-mail is a role mailbox such as info@, sales@ or support@ (RFC 2142 and common practice, extendable with stale.role_addresses), not a person's own address. Nobody in particular consented through it, and such mailboxes often report mail as spam.",
            ru: "Адрес e-mail является ролевым ящиком, например info@, sales@ или support@ (RFC 2142 и общая практика, список дополняется через stale.role_addresses), а не личным адресом человека. Через него никто конкретно не давал согласия, а такие ящики часто помечают письма как спам."),
        action: Bilingual(en: "Replace it with the person's own address.", ru: "Замените его личным адресом контактного лица."),
        failing: [Example(["contacts": [["id": "1", "created_at": "2026-01-01", "email": "Info@example.com"]]]),
                  Example(config: ["stale.role_addresses": "[desk]"],
                          ["contacts": [["id": "1", "created_at": "2026-01-01", "email": "desk@example.com"]]])],
        passing: [Example(findings: 0, ["contacts": [["id": "1", "created_at": "2026-01-01", "email": "info+x@example.com"],
                                                     ["id": "2", "created_at": "2026-01-01", "email": "info.desk@example.com"],
                                                     ["id": "3", "created_at": "2026-01-01", "email": "info@localhost"]]])])

    public func findings(in context: StaleContext) -> [Finding] {
        let v = context.validation
        return context.findings(Self.description) { v.emailIsRoleAddress($0) }
    }
}
