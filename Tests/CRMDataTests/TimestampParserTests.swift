import CRMData
import Formatting
import Testing

/// Every accepted and rejected form of the contract's timestamps.
@Suite("Timestamp parser")
struct TimestampParserTests {
    static let utc = TimestampParser(zone: .utc)

    /// The expected instant, computed by hand from the civil date and the time of day.
    static func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0, _ s: Int = 0, ms: Int = 0, offsetMinutes: Int = 0) -> Instant {
        let day = Int64(CivilDate.days(year: y, month: m, day: d))
        return Instant(ms: day * 86_400_000 + Int64(((h * 60 + min) * 60 + s) * 1000 + ms) - Int64(offsetMinutes) * 60_000)
    }

    static let accepted: [(String, Instant)] = [
        ("2026-11-16", at(2026, 11, 16)),
        ("2026-11-16 10:20", at(2026, 11, 16, 10, 20)),
        ("2026-11-16 10:20:30", at(2026, 11, 16, 10, 20, 30)),
        ("2026-11-16T10:20:30", at(2026, 11, 16, 10, 20, 30)),
        ("2026-11-16T10:20", at(2026, 11, 16, 10, 20)),
        ("2026-11-16T10:20:30.5", at(2026, 11, 16, 10, 20, 30, ms: 500)),
        ("2026-11-16 10:20:30.123", at(2026, 11, 16, 10, 20, 30, ms: 123)),
        ("2026-11-16T10:20:30.123456", at(2026, 11, 16, 10, 20, 30, ms: 123)),
        ("2026-11-16T10:20:30Z", at(2026, 11, 16, 10, 20, 30)),
        ("2026-11-16T10:20:30.250Z", at(2026, 11, 16, 10, 20, 30, ms: 250)),
        ("2026-11-16T10:20:30+03:00", at(2026, 11, 16, 10, 20, 30, offsetMinutes: 180)),
        ("2026-11-16 10:20-05:30", at(2026, 11, 16, 10, 20, offsetMinutes: -330)),
        ("2026-11-16 00:00:00+14:00", at(2026, 11, 16, offsetMinutes: 840)),
        ("2026-11-16 00:00:00-14:00", at(2026, 11, 16, offsetMinutes: -840)),
        ("0001-01-01", at(1, 1, 1)),
        ("9999-12-31 23:59:59.999Z", at(9999, 12, 31, 23, 59, 59, ms: 999)),
        ("2026-11-16Z", at(2026, 11, 16)),
        ("2024-02-29", at(2024, 2, 29)),
        ("2000-02-29 23:59:59", at(2000, 2, 29, 23, 59, 59)),
        ("1969-12-31 23:59:59", at(1969, 12, 31, 23, 59, 59)),
    ]

    static let rejected = [
        "", "2026", "2026-11", "2026-13-01", "2026-00-10", "2026-11-00", "2026-02-29", "1900-02-29", "2026-11-31",
        "16.11.2026", "2026/11/16", "26-11-16", "2026-1-16", "2026-11-16 24:00", "2026-11-16 10:60", "2026-11-16 10:20:60",
        "2026-11-16T10", "2026-11-16 10:2", "2026-11-16 10:20:3", "2026-11-16T10:20:30.", "2026-11-16T10:20:30+0300",
        "2026-11-16T10:20:30+03", "2026-11-16T10:20:30 Z", "2026-11-16T10:20:30z", "2026-11-16x", "2026-11-16  10:20",
        " 2026-11-16", "2026-11-16 ", "yesterday", "вчера", "2026-11-16T10:20:30+19:00", "2026-11-16T10:20:30+03:60",
        // issue 13, item 10: no real zone is beyond ±14:00, and there is no year 0
        "2026-11-16T10:20:30+14:01", "2026-11-16T10:20:30-14:30", "2026-11-16 10:20+18:00", "2026-11-16T10:20:30-15:00",
        "0000-01-01", "0000-02-29 12:00", "0000-12-31T23:59:59Z",
    ]

    @Test("accepted forms", arguments: accepted)
    func accepts(_ text: String, _ expected: Instant) {
        #expect(Self.utc.parse(text) == expected)
    }

    @Test("rejected forms", arguments: rejected)
    func rejects(_ text: String) {
        #expect(Self.utc.parse(text) == nil)
    }

    @Test("a naive timestamp is wall-clock time in the configured zone; an explicit offset is not")
    func naiveInZone() throws {
        let moscow = TimestampParser(zone: try #require(ZoneClock(identifier: "Europe/Moscow")))
        #expect(moscow.parse("2026-11-16 10:00") == Self.at(2026, 11, 16, 7))
        #expect(moscow.parse("2026-11-16") == Self.at(2026, 11, 15, 21))
        #expect(moscow.parse("2026-11-16 10:00Z") == Self.at(2026, 11, 16, 10))
        #expect(moscow.parse("2026-11-16 10:00+01:00") == Self.at(2026, 11, 16, 9))
    }
}

@Suite("Zone clock")
struct ZoneClockTests {
    @Test("fixed and daylight-saving zones convert both ways")
    func conversions() throws {
        let ny = try #require(ZoneClock(identifier: "America/New_York"))
        // 2026-03-08 is the spring-forward day in New York (02:00 EST -> 03:00 EDT).
        let day = CivilDate.days(year: 2026, month: 3, day: 8)
        #expect(ny.startOfDay(day).ms == Int64(day) * 86_400_000 + 5 * 3_600_000)        // midnight EST = 05:00Z
        #expect(ny.startOfDay(day + 1).ms == Int64(day + 1) * 86_400_000 + 4 * 3_600_000) // midnight EDT = 04:00Z
        #expect(ny.day(of: Instant(ms: Int64(day) * 86_400_000 + 4 * 3_600_000)) == day - 1)  // 23:00 EST the day before
        #expect(ny.day(of: Instant(ms: Int64(day) * 86_400_000 + 5 * 3_600_000)) == day)
        let moscow = try #require(ZoneClock(identifier: "Europe/Moscow"))
        #expect(moscow.offset(atUTC: Int64(day) * 86_400_000) == 3 * 3_600_000)
        #expect(ZoneClock(identifier: "Mars/Olympus") == nil)
        #expect(ZoneClock.utc.day(of: Instant(ms: -1)) == -1)
    }
}
