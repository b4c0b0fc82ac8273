import CRMData
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
        #expect(PersonalData.maskEmail("\u{00A0}юля@почта.рф\t") == "ю***@почта.рф")
        #expect(PersonalData.maskPhone(" +1 (650) 253-00-00 ") == "+1 *** *** ** 00")
        #expect(PersonalData.maskPhone("+375 29 123-45-67") == "+375 *** *** ** 67")
        #expect(PersonalData.email("ivan@example.com", show: true) == "ivan@example.com")
        #expect(PersonalData.phone(nil, show: false) == "")
    }
}

@Suite struct ZoneTextTests {
    @Test func isoTextCarriesTheOffset() throws {
        let moscow = try #require(ZoneClock(identifier: "Europe/Moscow"))
        // 2026-11-17 06:30:00 UTC is 09:30 in Moscow (UTC+3, no DST since 2014).
        let t = Instant(ms: 1_794_897_000_000)
        #expect(LocalTime.iso(t, zone: moscow) == "2026-11-17T09:30:00+03:00")
        #expect(LocalTime.iso(t, zone: .utc) == "2026-11-17T06:30:00+00:00")
        #expect(LocalTime.iso(Instant(ms: -1000), zone: .utc) == "1969-12-31T23:59:59+00:00")
    }
}
