import CRMData
import Testing

@Suite("Money")
struct MoneyTests {
    @Test("major units round half away from zero to the minor unit, as the database shows them")
    func rounding() {
        #expect(Money(major: 0.1)?.minor == 10)
        #expect(Money(major: 12.5)?.minor == 1250)
        #expect(Money(major: 2.675)?.minor == 268)      // stored as 2.67499999999999982...
        #expect(Money(major: -2.675)?.minor == -268)
        #expect(Money(major: 1.005)?.minor == 101)      // stored as 1.00499999999999989...
        #expect(Money(major: 0.004)?.minor == 0)
        #expect(Money(major: 0.006)?.minor == 1)
        #expect(Money(major: 13_789_048.15)?.minor == 1_378_904_815)
        #expect(Money(major: 9_999_999_999_999.99)?.minor == 999_999_999_999_999)
    }

    @Test("non-finite and huge amounts are no money")
    func limits() {
        #expect(Money(major: .infinity) == nil && Money(major: -.infinity) == nil && Money(major: .nan) == nil)
        #expect(Money(major: 1e308) == nil && Money(major: 1e13) == nil && Money(major: -1e13) == nil)
    }

    @Test("sums are exact, and saturate instead of trapping")
    func sums() {
        let tenth = Money(minor: 10)
        #expect(Array(repeating: tenth, count: 10).sum().major == 1.0)
        #expect((Money(minor: 10) + Money(minor: 20)).major == 0.3)
        #expect((Money(minor: .max - 1) + Money(minor: 5)).minor == .max)
        #expect((Money(minor: .min + 2) - Money(minor: 5)).minor == .min + 1)
        #expect(!(Money(minor: .min + 2) - Money(minor: 5)).isMissing)
        #expect(Money.missing.isMissing && Money.zero.exists)
    }
}
