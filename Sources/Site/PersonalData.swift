import Formatting

/// Masks personal data on audit pages and in their evidence lists unless `--show-pii`:
/// enough to recognise a record in the CRM, not enough to contact the person.
/// Works on the UTF-8 bytes: the findings files mask a million addresses.
enum PersonalData {
    /// "ivan.petrov@example.com" -> "i***@example.com"; text without an @ -> "***".
    static func maskEmail(_ email: String) -> String {
        let trimmed = email.trimmedSpaces
        guard let at = trimmed.utf8.lastIndex(of: UInt8(ascii: "@")), at > trimmed.startIndex, let first = trimmed.first
        else { return "***" }
        return String(first) + "***" + trimmed[at...]
    }

    /// "+7 912 345-67-89" -> "+7 *** *** ** 89"; "8 (912) 345-67-89" -> "8 *** *** ** 89":
    /// the country or trunk prefix and the last two digits stay.
    static func maskPhone(_ phone: String) -> String {
        let digits = phone.utf8.filter(isDigit)
        guard digits.count >= 6 else { return "***" }
        let trimmed = phone.trimmedSpaces.utf8
        let plus = trimmed.first == UInt8(ascii: "+")
        let lead = trimmed.dropFirst(plus ? 1 : 0).prefix(while: isDigit)
        let prefix = (plus ? "+" : "") + String(decoding: lead.prefix(lead.count > 3 ? 1 : lead.count), as: UTF8.self)
        return "\(prefix) *** *** ** \(String(decoding: digits.suffix(2), as: UTF8.self))"
    }

    static func email(_ v: String?, show: Bool) -> String { v.map { show ? $0 : maskEmail($0) } ?? "" }
    static func phone(_ v: String?, show: Bool) -> String { v.map { show ? $0 : maskPhone($0) } ?? "" }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
