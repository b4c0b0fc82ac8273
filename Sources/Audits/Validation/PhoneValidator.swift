import CPhone

/// What Google's libphonenumber says about one phone number as typed.
public struct PhoneVerdict: Sendable, Equatable {
    /// A valid number for its country (read with the default region when it has no `+`).
    public let isValid: Bool
    /// The number in E.164 (`+79123456789`) when valid, for finding duplicates.
    public let e164: String?
    /// MOBILE or FIXED_LINE_OR_MOBILE (false when not valid).
    public let isMobile: Bool

    public static let invalid = PhoneVerdict(isValid: false, e164: nil, isMobile: false)

    public init(isValid: Bool, e164: String?, isMobile: Bool) {
        self.isValid = isValid
        self.e164 = e164
        self.isMobile = isMobile
    }
}

/// Phone validation through the CPhone shim over libphonenumber. Thread-safe.
public enum PhoneValidator {
    /// Checks a number as typed (`+7 912 345-67-89`, `8 (912) 345 67 89`, ...) with a default
    /// region (ISO 3166-1 alpha-2, e.g. "RU") for numbers written without `+`.
    public static func check(_ text: String, region: String) -> PhoneVerdict {
        _ = ready
        var result = cphone_result()
        var typed = text
        typed.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cphone_check(chars.baseAddress, chars.count, region, &result)
            }
        }
        guard result.valid != 0 else { return .invalid }
        let e164 = withUnsafeBytes(of: result.e164) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return PhoneVerdict(isValid: true, e164: e164, isMobile: result.mobile != 0)
    }

    /// The typed number reduced to its digits (and a leading `+`) when it holds nothing but
    /// digits, spaces, `-`, `(`, `)` and `.`: libphonenumber drops that punctuation itself, so the
    /// verdict is the same, and two typings of one number share one (costly) parse. Anything
    /// else (letters, an extension, other symbols) is returned as typed.
    public static func canonicalForm(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(16)
        for (i, b) in text.utf8.enumerated() {
            switch b {
            case 0x30...0x39: out.append(b)
            case UInt8(ascii: "+") where i == 0: out.append(b)
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."): continue
            default: return text
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One first call under Swift's once-only static initialization, so libphonenumber builds
    /// its singleton (and loads its metadata) before any two threads can race to do it.
    private static let ready: Void = {
        var result = cphone_result()
        cphone_check("", 0, "RU", &result)
    }()
}
