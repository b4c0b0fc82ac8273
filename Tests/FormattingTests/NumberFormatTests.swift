import Testing
@testable import Formatting

let en = NumberFormat(locale: .en, currency: "USD")
let ru = NumberFormat(locale: .ru, currency: "RUB")
let sp = "\u{00A0}"
let m = "\u{2212}"

@Test func counts() {
    #expect(en.count(1_234_567) == "1,234,567")
    #expect(ru.count(1_234_567) == "1\(sp)234\(sp)567")
    #expect(en.count(0) == "0")
    #expect(en.count(-0.4) == "0")
    #expect(en.count(-0.5) == "\(m)1")
    #expect(en.count(999.5) == "1,000")
    #expect(en.count(1234) == "1,234")
    #expect(ru.count(1234) == "1\(sp)234")
    #expect(en.count(-1_234_567) == "\(m)1,234,567")
    #expect(en.count(.nan) == "—")
    #expect(en.count(.infinity) == "—")
    #expect(en.count(123) == "123")
}

@Test func decimals() {
    #expect(en.decimal(1_234_567.84, digits: 1) == "1,234,567.8")
    #expect(ru.decimal(1_234_567.84, digits: 1) == "1\(sp)234\(sp)567,8")
    #expect(en.decimal(1.005, digits: 2) == "1.01")
    #expect(en.decimal(0.125, digits: 2) == "0.13")
    #expect(en.decimal(-0.125, digits: 2) == "\(m)0.13")
    #expect(en.decimal(-0.004, digits: 2) == "0.00")
    #expect(en.decimal(9.995, digits: 2) == "10.00")
    #expect(en.decimal(1e-6, digits: 5) == "0.00000")
    #expect(en.decimal(6e-6, digits: 5) == "0.00001")
    #expect(en.decimal(1e12, digits: 0) == "1,000,000,000,000")
    #expect(en.decimal(2.5, digits: 0) == "3")
    #expect(en.decimal(-2.5, digits: 0) == "\(m)3")
    #expect(en.decimal(0, digits: 3) == "0.000")
}

@Test func percents() {
    #expect(en.percent(0.125) == "12.5%")
    #expect(ru.percent(0.125) == "12,5\(sp)%")
    #expect(en.percent(0.12345, digits: 2) == "12.35%")
    #expect(en.percent(1) == "100.0%")
    #expect(en.percent(-0.0004) == "0.0%")
    #expect(en.percent(-0.03) == "\(m)3.0%")
    #expect(en.percent(.nan) == "—")
    #expect(en.points(0.0068) == "+0.68\(sp)pp")
    #expect(ru.points(0.0068) == "+0,68\(sp)п.\(sp)п.")
    #expect(en.points(-0.0068) == "\(m)0.68\(sp)pp")
    #expect(en.points(0) == "0.00\(sp)pp")
    #expect(en.signedPercent(0.125) == "+12.5%")
    #expect(en.signedPercent(-0.03) == "\(m)3.0%")
    #expect(ru.signedPercent(-0.03) == "\(m)3,0\(sp)%")
    #expect(en.signedPercent(0.00001) == "0.0%")
}

@Test func money() {
    #expect(en.money(1_234_567.8) == "$1,234,567.80")
    #expect(ru.money(1_234_567.8) == "1\(sp)234\(sp)567,80\(sp)₽")
    #expect(en.money(-5) == "\(m)$5.00")
    #expect(ru.money(-5) == "\(m)5,00\(sp)₽")
    #expect(en.money(0.005) == "$0.01")
    #expect(en.money(-0.004) == "$0.00")
    #expect(en.money(1234.5, digits: 0) == "$1,235")
    #expect(NumberFormat(locale: .en, currency: "EUR").money(3) == "€3.00")
    #expect(NumberFormat(locale: .en, currency: "GBP").money(3) == "£3.00")
    #expect(NumberFormat(locale: .en, currency: "CHF").money(3) == "3.00\(sp)CHF")
    #expect(NumberFormat(locale: .ru, currency: "USD").money(3) == "3,00\(sp)$")
}

@Test func compactNumbers() {
    #expect(en.compactMoney(1_234_567) == "$1.2M")
    #expect(en.compactMoney(12_345) == "$12K")
    #expect(en.compactMoney(950) == "$950")
    #expect(en.compactMoney(0) == "$0")
    #expect(en.compactMoney(-1_250_000) == "\(m)$1.3M")
    #expect(ru.compactMoney(1_234_567) == "1,2\(sp)млн\(sp)₽")
    #expect(ru.compactMoney(12_345) == "12\(sp)тыс.\(sp)₽")
    #expect(ru.compactMoney(950) == "950\(sp)₽")
    #expect(en.compact(1_234_567) == "1.2M")
    #expect(ru.compact(1_234_567) == "1,2\(sp)млн")
    #expect(en.compact(999_950) == "1M")
    #expect(en.compact(999.6) == "1K")
    #expect(en.compact(2_000_000) == "2M")
    #expect(en.compact(1e12) == "1T")
    #expect(ru.compact(3e9) == "3\(sp)млрд")
    #expect(en.compact(1.5) == "1.5")
    #expect(en.compact(.infinity) == "—")
    #expect(en.compact(1_250_000, fractionDigits: 2, money: false) == "1.25M")
}

@Test func daysFormat() {
    #expect(en.days(12.5) == "12.5\(sp)days")
    #expect(ru.days(12.5) == "12,5\(sp)дн.")
    #expect(en.days(-0.01) == "0.0\(sp)days")
}

@Test func dates() {
    let d = CivilDate.days(year: 2026, month: 11, day: 16)
    #expect(en.date(day: d) == "16 Nov 2026")
    #expect(ru.date(day: d) == "16 ноя 2026")
    #expect(en.shortDate(day: d) == "16 Nov")
    #expect(ru.shortDate(day: d) == "16 ноя")
    #expect(en.month(day: d) == "Nov 2026")
    #expect(ru.month(day: d) == "ноя 2026")
    #expect(ru.month(day: CivilDate.days(year: 2026, month: 5, day: 3)) == "май 2026")
    #expect(ru.shortDate(day: CivilDate.days(year: 2026, month: 5, day: 3)) == "3 мая")
    #expect(en.isoDate(day: d) == "2026-11-16")
    #expect(en.isoDate(day: 0) == "1970-01-01")
    #expect(en.isoDate(day: -1) == "1969-12-31")
}

@Test func civilDateRoundTrip() {
    #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
    #expect(CivilDate.days(year: 2000, month: 3, day: 1) == 11_017)
    #expect(CivilDate.civil(fromDays: 11_016) == (2000, 2, 29))
    for d in stride(from: -800_000, to: 800_000, by: 37) {
        let c = CivilDate.civil(fromDays: d)
        #expect(CivilDate.days(year: c.year, month: c.month, day: c.day) == d)
    }
    #expect(CivilDate.weekday(days: CivilDate.days(year: 2026, month: 11, day: 16)) == 1)
    #expect(CivilDate.startOfWeek(days: CivilDate.days(year: 2026, month: 11, day: 22)) == CivilDate.days(year: 2026, month: 11, day: 16))
    #expect(CivilDate.addingMonths(1, to: CivilDate.days(year: 2026, month: 1, day: 31)) == CivilDate.days(year: 2026, month: 2, day: 28))
    #expect(CivilDate.addingMonths(-13, to: CivilDate.days(year: 2026, month: 1, day: 15)) == CivilDate.days(year: 2024, month: 12, day: 15))
}
