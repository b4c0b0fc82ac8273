/// What the address rules of metrics.md say about one e-mail as typed.
public struct EmailVerdict: Sendable, Equatable {
    /// The address with surrounding whitespace removed.
    public let trimmed: String
    /// The lower-case ASCII form of the domain, set only when the whole address is valid.
    public let asciiDomain: String?
    /// The local part as typed, set only when the whole address is valid.
    public let localPart: String?

    public var isValid: Bool { asciiDomain != nil }
}

/// E-mail syntax by metrics.md: an RFC 5321/5322 dot-atom local part (quoted local parts and
/// IP-literal domains are invalid), local part at most 64 and address at most 254 octets,
/// UTF-8 local parts (RFC 6531) and IDNA domains allowed, and the domain rules of `DomainName`.
public enum EmailValidator {
    /// The longest text looked at, in UTF-8 bytes: an address is at most 254 octets (RFC 5321),
    /// so this leaves room for surrounding whitespace; anything longer is invalid at once.
    public static let maxTyped = 1024

    public static func check(_ typed: String) -> EmailVerdict {
        check(typed, domain: DomainName.asciiMailDomain)
    }

    /// The same with the domain rules given, so a caller judging many addresses can judge each
    /// distinct domain once (`mailDomain` returns the ASCII form of a valid mail domain, or nil).
    static func check(_ typed: String, domain mailDomain: (Substring) -> String?) -> EmailVerdict {
        // Bounded before anything looks at the text (trimming, the domain's IDNA conversion).
        guard typed.utf8.count <= maxTyped else { return EmailVerdict(trimmed: typed, asciiDomain: nil, localPart: nil) }
        let trimmed = trim(typed)
        let invalid = EmailVerdict(trimmed: trimmed, asciiDomain: nil, localPart: nil)
        let utf8 = trimmed.utf8
        // No '@' may appear in a dot-atom, so the address splits at its only '@'.
        guard utf8.count <= 254, let at = utf8.firstIndex(of: UInt8(ascii: "@")),
              utf8[utf8.index(after: at)...].firstIndex(of: UInt8(ascii: "@")) == nil else { return invalid }
        let local = trimmed[..<at]
        let domain = trimmed[trimmed.index(after: at)...]
        guard isDotAtom(local), let ascii = mailDomain(domain),
              local.utf8.count + 1 + ascii.utf8.count <= 254 else { return invalid }
        return EmailVerdict(trimmed: trimmed, asciiDomain: ascii, localPart: String(local))
    }

    /// Without leading and trailing Unicode White_Space. Most addresses have none, and this
    /// costs two byte tests for them where Foundation's trimming bridges every string.
    static func trim(_ text: String) -> String {
        let u = text.utf8
        guard let first = u.first, let last = u.last else { return text }
        if first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return text }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }

    /// 1 to 64 octets of atoms joined by single dots; an atom holds RFC 5322 `atext` or non-ASCII
    /// characters other than spaces, controls and invisible formatting characters.
    static func isDotAtom(_ local: Substring) -> Bool {
        let bytes = local.utf8
        guard (1...64).contains(bytes.count), bytes.first != dot, bytes.last != dot else { return false }
        var previous: UInt8 = 0
        var hasNonASCII = false
        for b in bytes {
            if b == dot, previous == dot { return false }
            if b >= 0x80 { hasNonASCII = true } else if b != dot, !atext[Int(b)] { return false }
            previous = b
        }
        return !hasNonASCII || local.unicodeScalars.allSatisfy { $0.isASCII || isAllowedNonASCII($0) }
    }

    static func isAllowedNonASCII(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    private static let dot = UInt8(ascii: ".")

    /// RFC 5322 atext: letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~
    private static let atext: [Bool] = (0..<128).map { code in
        let c = Character(Unicode.Scalar(UInt8(code)))
        return c.isASCII && (c.isLetter || c.isNumber || "!#$%&'*+-/=?^_`{|}~".contains(c))
    }
}
