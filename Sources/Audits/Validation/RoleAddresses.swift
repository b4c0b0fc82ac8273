import Foundation

/// Role mailboxes (RFC 2142 and common practice), extendable by config `stale.role_addresses`.
/// A role address is one whose whole local part is a listed name, ignoring case.
public struct RoleAddresses: Sendable {
    public static let standard: [String] = [
        "abuse", "admin", "administrator", "billing", "contact", "help", "hostmaster", "info", "marketing",
        "newsletter", "no-reply", "noreply", "office", "postmaster", "sales", "security", "support", "webmaster",
    ]

    private let names: Set<String>

    public init(adding extra: [String] = []) {
        names = Set((Self.standard + extra).map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }

    /// Whether a local part (as typed) is a role name: `info` yes, `info+x` and `info.desk` no.
    public func contains(localPart: String) -> Bool { names.contains(localPart.lowercased()) }
}
