import CRMData

/// Finds one person among the contacts by id, e-mail or phone, compared the way the stale audit's
/// duplicate check compares them: e-mail trimmed and lower-cased, phones in E.164 through
/// libphonenumber with the default region (`8 (912) 345-67-89` finds `+79123456789`).
/// Several matches are refused, listing their ids; none is refused, saying what was sought.
public struct ContactLookup: Sendable {
    public enum Key: Sendable, Equatable {
        case id(Int64)
        case email(String)
        case phone(String)
    }

    public let key: Key
    public let region: String

    public init(_ key: Key, region: String) {
        self.key = key
        self.region = region
    }

    /// The contact the key names, and every other contact sharing its e-mail or its phone (the
    /// stale audit's duplicate check needs them). Throws a `CRMError` for no match or several.
    public func scope(in keys: ContactKeys) throws -> ContactScope {
        let matches: [Int]
        switch key {
        case .id(let id):
            matches = keys.id.indices.filter { keys.id[$0] == id }
            guard !matches.isEmpty else { throw CRMError("no contact with id \(id) exists at the as-of moment") }
        case .email(let typed):
            let wanted = Self.emailKey(typed)
            guard !wanted.isEmpty else { throw CRMError("--email: empty address") }
            matches = Self.rows(in: keys.email, email: wanted)
            guard !matches.isEmpty else { throw CRMError("no contact has the e-mail \(typed.trimmedForMessage) at the as-of moment") }
        case .phone(let typed):
            guard let e164 = PhoneValidator.check(PhoneValidator.canonicalForm(typed), region: region).e164 else {
                throw CRMError("--phone: '\(typed.trimmedForMessage)' is not a valid phone number (default region \(region))")
            }
            matches = rows(in: keys.phone, e164: e164)
            guard !matches.isEmpty else { throw CRMError("no contact has the phone \(e164) at the as-of moment") }
        }
        let ids = Array(Set(matches.map { keys.id[$0] })).sorted()
        guard ids.count == 1 else {
            throw CRMError("\(ids.count) contacts match; name one with --id: " + ids.map(String.init).joined(separator: ", "))
        }
        // The contact's twins: the same e-mail or the same valid phone.
        let row = matches[0]
        var twins: [Int] = []
        if let email = keys.email[row] { twins += Self.rows(in: keys.email, email: Self.emailKey(email)) }
        if let phone = keys.phone[row], let e164 = PhoneValidator.check(PhoneValidator.canonicalForm(phone), region: region).e164 {
            twins += rows(in: keys.phone, e164: e164)
        }
        return ContactScope(subject: ids[0], others: twins.map { keys.id[$0] })
    }

    /// The duplicate check's e-mail key: trimmed, lower-cased.
    public static func emailKey(_ typed: String) -> String { EmailValidator.trim(typed).lowercased() }

    /// Without leading and trailing white space, as the e-mail validator trims.
    public static func trimmed(_ typed: String) -> String { EmailValidator.trim(typed) }

    /// Rows whose e-mail has the key. ASCII addresses (nearly all) are compared on their bytes,
    /// the others through the key itself.
    static func rows(in emails: [String?], email key: String) -> [Int] {
        let wanted = Array(key.utf8)
        let asciiKey = wanted.allSatisfy { $0 < 0x80 }
        return emails.indices.filter { i in
            guard let e = emails[i] else { return false }
            var u = e.utf8[...]
            if asciiKey, u.allSatisfy({ $0 < 0x80 }) {
                while let f = u.first, f == 0x20 || (0x09...0x0D).contains(f) { u = u.dropFirst() }
                while let l = u.last, l == 0x20 || (0x09...0x0D).contains(l) { u = u.dropLast() }
                guard u.count == wanted.count else { return false }
                return zip(u, wanted).allSatisfy { a, b in (a >= 0x41 && a <= 0x5A ? a | 0x20 : a) == b }
            }
            return emailKey(e) == key
        }
    }

    /// Rows whose phone is valid with this E.164 form. Only numbers holding the last seven digits
    /// of it in a row (punctuation between them skipped) are parsed: libphonenumber costs
    /// microseconds a number, the byte scan nanoseconds.
    func rows(in phones: [String?], e164: String) -> [Int] {
        let digits = e164.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.suffix(7)
        let window = digits.count
        let modulus = (0..<window).reduce(1) { r, _ in r * 10 }
        let tail = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return phones.indices.filter { i in
            guard let p = phones[i] else { return false }
            var rolling = 0, seen = 0, hit = false
            for b in p.utf8 where b >= 0x30 && b <= 0x39 {
                rolling = (rolling * 10 + Int(b - 0x30)) % modulus
                seen += 1
                if seen >= window && rolling == tail { hit = true; break }
            }
            return hit && PhoneValidator.check(PhoneValidator.canonicalForm(p), region: region).e164 == e164
        }
    }
}

private extension String {
    /// At most 100 characters, for an error line.
    var trimmedForMessage: String { count > 100 ? String(prefix(100)) + "..." : self }
}
