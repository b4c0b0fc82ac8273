import Foundation
import Testing
@testable import Audits

/// Every validator bounds the text before it works on it: one hostile value (a megabyte) is
/// judged invalid in a length test, never in time that grows with its size (issue 19, item 1).
@Suite struct ValidatorBoundsTests {
    static func seconds(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let d = clock.measure(body)
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    @Test("a phone of +7 and a million digits is invalid_phone in well under a second")
    func megabytePhone() {
        let phone = "+7" + String(repeating: "9", count: 1_000_000)
        var verdict = PhoneVerdict(isValid: true, e164: nil, isMobile: true)
        // libphonenumber took 1.2 s for 10,000 digits and 18 s for 40,000 (its regular expressions are quadratic).
        let took = Self.seconds { verdict = PhoneValidator.check(PhoneValidator.canonicalForm(phone), region: "RU") }
        #expect(verdict == .invalid)
        #expect(took < 0.5, "took \(took) s")
    }

    @Test("the phone bound is libphonenumber's own 250 characters: a valid number padded to it is still judged")
    func phoneBoundEdge() {
        let number = "+7 912 345-67-89"
        let padded = String(repeating: " ", count: PhoneValidator.maxLength - number.utf8.count) + number
        #expect(padded.utf8.count == 250)
        #expect(PhoneValidator.check(padded, region: "RU").e164 == "+79123456789")
        #expect(PhoneValidator.check(" " + padded, region: "RU") == .invalid)
    }

    @Test("an e-mail of a megabyte is invalid before trimming and IDNA")
    func megabyteEmail() {
        let padded = String(repeating: " ", count: 1_000_000) + "ivan@example.com"
        var verdict: EmailVerdict?
        let took = Self.seconds { verdict = EmailValidator.check(padded) }
        #expect(verdict?.isValid == false)
        #expect(took < 0.5, "took \(took) s")
        // Within the bound, surrounding whitespace is still trimmed.
        #expect(EmailValidator.check("  ivan@example.com ").asciiDomain == "example.com")
        // A megabyte of Unicode never reaches libidn2.
        #expect(DomainName.toASCII(Substring(String(repeating: "пример", count: 100_000) + ".рф")) == nil)
        #expect(DomainName.toASCII("пример.рф") == "xn--e1afmkfd.xn--p1ai")
    }
}
