import Foundation

/// Masks personal data on audit pages and in their evidence lists unless `--show-pii`:
/// enough to recognise a record in the CRM, not enough to contact the person.
enum PersonalData {
    /// "ivan.petrov@example.com" -> "i***@example.com"; text without an @ -> "***".
    static func maskEmail(_ email: String) -> String {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        guard let at = trimmed.lastIndex(of: "@"), at > trimmed.startIndex else { return "***" }
        return "\(trimmed[trimmed.startIndex])***\(trimmed[at...])"
    }

    /// "+7 912 345-67-89" -> "+7 *** *** ** 89"; "8 (912) 345-67-89" -> "8 *** *** ** 89":
    /// the country or trunk prefix and the last two digits stay.
    static func maskPhone(_ phone: String) -> String {
        let digits = phone.filter(\.isASCIIDigit)
        guard digits.count >= 6 else { return "***" }
        let trimmed = phone.trimmingCharacters(in: .whitespaces)
        let plus = trimmed.hasPrefix("+")
        let lead = trimmed.dropFirst(plus ? 1 : 0).prefix { $0.isASCIIDigit }
        let prefix = (plus ? "+" : "") + String(lead.prefix(lead.count > 3 ? 1 : lead.count))
        return "\(prefix) *** *** ** \(digits.suffix(2))"
    }

    static func email(_ v: String?, show: Bool) -> String { v.map { show ? $0 : maskEmail($0) } ?? "" }
    static func phone(_ v: String?, show: Bool) -> String { v.map { show ? $0 : maskPhone($0) } ?? "" }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
