import CIDN2

/// Mail domains in their ASCII form, by the domain rules of metrics.md: IDNA 2008 with UTS 46
/// non-transitional mapping (GNU libidn2), labels of letters, digits and inner hyphens, a dot,
/// a top-level domain that does not start with a digit and is not a special-use name.
public enum DomainName {
    /// RFC 6761 / RFC 7686 special-use names and `arpa`: never a mail domain of a person.
    public static let specialUse: Set<String> = ["arpa", "invalid", "local", "localhost", "onion", "test"]

    /// The lower-case ASCII (A-label) form of a valid mail domain, or nil when it is not one.
    public static func asciiMailDomain(_ domain: Substring) -> String? {
        guard let ascii = toASCII(domain) else { return nil }
        return isValidASCIIMailDomain(ascii) ? ascii : nil
    }

    /// The lower-case ASCII form, converting internationalized names through libidn2; nil when the
    /// conversion fails. Plain ASCII names without an A-label skip the C call (UTS 46 only lower-cases them).
    public static func toASCII(_ domain: Substring) -> String? {
        guard domain.utf8.count <= EmailValidator.maxTyped else { return nil }   // bounded before libidn2 sees it
        let needsIDNA = domain.utf8.contains { $0 >= 0x80 } || domain.lowercased().contains("xn--")
        guard needsIDNA else { return domain.lowercased() }
        var output: UnsafeMutablePointer<CChar>?
        let flags = Int32(IDN2_NONTRANSITIONAL.rawValue)
        let status = String(domain).withCString { idn2_to_ascii_8z($0, &output, flags) }
        guard status == Int32(IDN2_OK.rawValue), let output else {
            if let output { idn2_free(output) }
            return nil
        }
        defer { idn2_free(output) }
        return String(cString: output).lowercased()
    }

    /// The label rules on a lower-case ASCII domain.
    static func isValidASCIIMailDomain(_ domain: String) -> Bool {
        let bytes = Array(domain.utf8)
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count),
                  label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }) else { return false }
        }
        guard let tld = labels.last, let first = tld.first, !isDigit(first) else { return false }
        return !specialUse.contains(String(decoding: tld, as: UTF8.self))
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isLetterOrDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }
}
