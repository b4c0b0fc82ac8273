import Foundation

/// Throwaway mail domains: the public CC0 list (data/disposable-email-domains, compiled in at build time by DisposableDomainsPlugin), plus
/// the domains of config `stale.disposable_domains`. A sub-domain of a listed domain is listed.
public struct DisposableDomains: Sendable {
    private let domains: Set<String>

    /// The shipped list, parsed once per process.
    public static let shipped: Set<String> = {
        Set(shippedList.split(whereSeparator: \.isNewline).compactMap { line in
            let name = line.trimmingCharacters(in: .whitespaces).lowercased()
            return name.isEmpty || name.hasPrefix("#") ? nil : name
        })
    }()

    /// The shipped list extended by more domains (as typed: Unicode names are converted to A-labels).
    public init(adding extra: [String] = []) {
        var all = Self.shipped
        for name in extra {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            all.insert(DomainName.toASCII(Substring(trimmed)) ?? trimmed.lowercased())
        }
        domains = all
    }

    /// Whether a lower-case ASCII domain or one of its parent domains is listed.
    public func contains(_ asciiDomain: String) -> Bool {
        var rest = Substring(asciiDomain)
        while true {
            if domains.contains(String(rest)) { return true }
            guard let dot = rest.firstIndex(of: ".") else { return false }
            rest = rest[rest.index(after: dot)...]
        }
    }
}
