import Testing
@testable import Audits

@Suite struct PhoneValidatorTests {
    @Test func libphonenumbersRussianExampleNumbers() {
        // libphonenumber's example numbers for RU: mobile 8 (912) 345-67-89, fixed line
        // 8 (301) 123-45-67, toll-free 8 (800) 123-45-67.
        let mobile = PhoneValidator.check("8 (912) 345-67-89", region: "RU")
        #expect(mobile == PhoneVerdict(isValid: true, e164: "+79123456789", isMobile: true))
        let fixed = PhoneValidator.check("+7 301 123-45-67", region: "RU")
        #expect(fixed == PhoneVerdict(isValid: true, e164: "+73011234567", isMobile: false))
        let tollFree = PhoneValidator.check("8 800 123 45 67", region: "RU")
        #expect(tollFree == PhoneVerdict(isValid: true, e164: "+78001234567", isMobile: false))
    }

    @Test func invalidNumbers() {
        #expect(PhoneValidator.check("12345", region: "RU") == .invalid)
        #expect(PhoneValidator.check("not a phone", region: "RU") == .invalid)
        #expect(PhoneValidator.check("", region: "RU") == .invalid)
        // Valid in form, but no Russian range starts with 0.
        #expect(!PhoneValidator.check("8 (012) 345-67-89", region: "RU").isValid)
    }

    @Test("a number with + is valid whatever the default region", arguments: ["RU", "US", "DE", "ZZ"])
    func internationalForm(_ region: String) {
        let v = PhoneValidator.check("+1 650 253 0000", region: region)
        #expect(v.isValid)
        #expect(v.e164 == "+16502530000")
        // Google's switchboard is FIXED_LINE_OR_MOBILE in libphonenumber's US data: mobile.
        #expect(v.isMobile)
    }

    @Test func theDefaultRegionReadsNationalNumbers() {
        #expect(PhoneValidator.check("(650) 253-0000", region: "US").e164 == "+16502530000")
        #expect(!PhoneValidator.check("(650) 253-0000", region: "RU").isValid)
    }
}

@Suite struct PhoneCanonicalFormTests {
    @Test func punctuationOnlyTypingsShareOneForm() {
        #expect(PhoneValidator.canonicalForm("8 (912) 345-67-89") == "89123456789")
        #expect(PhoneValidator.canonicalForm("+7 912 345.67.89") == "+79123456789")
        // Anything libphonenumber might read differently stays as typed.
        #expect(PhoneValidator.canonicalForm("8 912 345 67 89 ext. 12") == "8 912 345 67 89 ext. 12")
        #expect(PhoneValidator.canonicalForm("8+912") == "8+912")
        #expect(PhoneValidator.canonicalForm("+7\u{00A0}912") == "+7\u{00A0}912")
    }

    @Test("the canonical form gets the verdict of the typed number", arguments: [
        "8 (912) 345-67-89", "+7 912 345-67-89", "8 (301) 123-45-67", "12345", "+1 650 253 0000", "(650) 253-0000", "8 800 123 45 67",
    ])
    func sameVerdict(_ typed: String) {
        #expect(PhoneValidator.check(PhoneValidator.canonicalForm(typed), region: "RU") == PhoneValidator.check(typed, region: "RU"))
    }
}
