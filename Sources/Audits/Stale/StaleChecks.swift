/// The registry of the stale-contact audit: the only list of its checks, in page order.
public enum StaleChecks {
    public static let all: [any StaleCheck] = [
        UnverifiedCheck(),
        InvalidEmailCheck(),
        InvalidPhoneCheck(),
        BouncedCheck(),
        DuplicateCheck(),
        UnreachableCheck(),
        DormantCheck(),
        ImplausibleCheck(),
        RoleAddressCheck(),
        DisposableDomainCheck(),
        SmsToNonMobileCheck(),
    ]

    /// The checks whose findings make a contact count in the summary's stale share.
    public static let staleShareChecks: Set<String> = ["unverified", "invalid_email", "invalid_phone", "bounced", "unreachable"]

    /// The description of a check by id.
    public static func description(of identifier: String) -> CheckDescription? {
        all.lazy.map { type(of: $0).description }.first { $0.identifier == identifier }
    }
}
