@testable import Site
import Testing

@Suite struct PersonalDataTests {
    @Test func masksEmailsAndPhones() {
        #expect(PersonalData.maskEmail("ivan@example.com") == "i***@example.com")
        #expect(PersonalData.maskEmail("  Olga.K@Mail.ru ") == "O***@Mail.ru")
        #expect(PersonalData.maskEmail("@example.com") == "***")
        #expect(PersonalData.maskEmail("no-at-sign") == "***")
        #expect(PersonalData.maskPhone("+7 912 345-67-89") == "+7 *** *** ** 89")
        #expect(PersonalData.maskPhone("8 (912) 345-67-89") == "8 *** *** ** 89")
        #expect(PersonalData.maskPhone("+79123456789") == "+7 *** *** ** 89")
        #expect(PersonalData.maskPhone("12345") == "***")
        #expect(PersonalData.email("ivan@example.com", show: true) == "ivan@example.com")
        #expect(PersonalData.phone(nil, show: false) == "")
    }
}
