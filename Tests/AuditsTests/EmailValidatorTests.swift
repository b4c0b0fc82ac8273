import Testing
@testable import Audits

@Suite struct EmailValidatorTests {
    // The cases of python-email-validator's suite that metrics.md's rules decide.
    static let valid = ["Abc@example.tld", "user+mailbox/department=shipping@example.tld", "jeff@臺網中心.tw",
                        "юзер@екзампл.ком", "  padded@example.com\t", "a.b-c_d@sub.example-domain.org"]
    static let invalid = ["my@localhost", "my@.leadingdot.com", "my@twodots..com", ".leadingdot@domain.com",
                          "me@-leadingdash", "me@valid.invalid", "\"quoted\"@example.com", "me@[127.0.0.1]",
                          String(repeating: "a", count: 65) + "@example.com",
                          "a@" + String(repeating: "b", count: 63) + "." + String(repeating: "c", count: 63) + "."
                              + String(repeating: "d", count: 63) + "." + String(repeating: "e", count: 57) + ".com",
                          "no-at-sign.example.com", "two@@example.com", "trailing.@example.com", "me@example.123",
                          "me@exa_mple.com", "me@example.onion", "me@host.test", "me@dash-.example.com", ""]

    @Test("valid addresses", arguments: valid)
    func accepts(_ address: String) {
        #expect(EmailValidator.check(address).isValid)
    }

    @Test("invalid addresses", arguments: invalid)
    func rejects(_ address: String) {
        #expect(!EmailValidator.check(address).isValid)
    }

    @Test func lengthLimitsAreInOctets() {
        let local64 = String(repeating: "a", count: 64)
        #expect(EmailValidator.check(local64 + "@example.com").isValid)
        // 254 octets in all: valid; 255: not (the 255-octet case above).
        let address254 = "a@" + String(repeating: "b", count: 63) + "." + String(repeating: "c", count: 63) + "."
            + String(repeating: "d", count: 63) + "." + String(repeating: "e", count: 56) + ".com"
        #expect(address254.utf8.count == 254)
        #expect(EmailValidator.check(address254).isValid)
        // A Cyrillic local part of 33 letters is 66 octets: too long, though only 33 characters.
        #expect(!EmailValidator.check(String(repeating: "ж", count: 33) + "@example.com").isValid)
    }

    @Test func trimsAndGivesTheASCIIDomain() {
        let v = EmailValidator.check("  Jeff@臺網中心.TW \n")
        #expect(v.trimmed == "Jeff@臺網中心.TW")
        #expect(v.localPart == "Jeff")
        #expect(v.asciiDomain == "xn--fiqq24b10vi0d.tw")
        #expect(EmailValidator.check("юзер@екзампл.ком").asciiDomain == "xn--80ajglhfv.xn--j1aef")
    }
}
