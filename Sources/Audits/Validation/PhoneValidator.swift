import CPhone
import CRMData

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
    /// The longest text handed to libphonenumber, in UTF-8 bytes: its own limit on what it parses
    /// (`kMaxInputStringLength`, 250 characters). Anything longer is no phone number (E.164 has
    /// at most 15 digits) and is `invalid_phone` at once, the verdict the library gives it too.
    public static let maxLength = 250

    /// Checks a number as typed (`+7 912 345-67-89`, `8 (912) 345 67 89`, ...) with a default
    /// region (ISO 3166-1 alpha-2, e.g. "RU") for numbers written without `+`.
    public static func check(_ text: String, region: String) -> PhoneVerdict {
        // Bounded first: libphonenumber's regular expressions take time that grows with the square
        // of the length before its own limit applies (a 1 MB number took hours).
        guard text.utf8.count <= maxLength else { return .invalid }
        _ = ready
        var result = cphone_result()
        var typed = text
        typed.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cphone_check(chars.baseAddress, chars.count, region, &result)
            }
        }
        if result.valid < 0 { CrashLine.outOfMemory() }
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
        guard text.utf8.count <= maxLength else { return text }   // invalid whatever its form: not worth a pass
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

    /// The regions libphonenumber knows (ISO 3166-1 alpha-2 codes with its metadata), sorted:
    /// the values `stale.default_region` may take.
    public static let supportedRegions: [String] = {
        let length = cphone_supported_regions(nil, 0)
        var buffer = [CChar](repeating: 0, count: length + 1)
        _ = cphone_supported_regions(&buffer, buffer.count)
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .split(separator: " ").map(String.init)
    }()

    /// Throws exit 2 naming the valid codes when libphonenumber has no metadata for `region`
    /// (every national number would then be invalid: `ZZ` turned 478 valid phones invalid).
    public static func checkRegion(_ region: String, source: String) throws {
        guard !supportedRegions.contains(region) else { return }
        throw CRMError("\(source): stale.default_region: unknown region '\(region)' (libphonenumber knows \(supportedRegions.joined(separator: " ")))")
    }

    /// One first call under Swift's once-only static initialization, so libphonenumber builds
    /// its singleton (and loads its metadata) before any two threads can race to do it.
    private static let ready: Void = {
        var result = cphone_result()
        cphone_check("", 0, "RU", &result)
    }()
}
