/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01),
/// after Howard Hinnant's `days_from_civil` / `civil_from_days`.
public enum CivilDate {
    /// The day number of a calendar date.
    @inlinable public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The calendar date of a day number.
    @inlinable public static func date(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO weekday of a day number: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday).
    @inlinable public static func isoWeekday(_ days: Int) -> Int {
        let r = (days + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The Monday on or before a day.
    @inlinable public static func monday(onOrBefore days: Int) -> Int {
        days - (isoWeekday(days) - 1)
    }

    /// The ISO 8601 week-numbering year and week of a day.
    public static func isoWeek(_ days: Int) -> (year: Int, week: Int) {
        let thursday = days - isoWeekday(days) + 4
        let year = date(thursday).year
        let firstDay = CivilDate.days(year: year, month: 1, day: 1)
        return (year, (thursday - firstDay) / 7 + 1)
    }

    /// The first day of the month containing a day, moved by `offset` months.
    public static func firstOfMonth(_ days: Int, offset: Int = 0) -> Int {
        let d = date(days)
        let index = d.year * 12 + (d.month - 1) + offset
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        return CivilDate.days(year: year, month: index - year * 12 + 1, day: 1)
    }

    /// "2026-11-16"
    public static func iso(_ days: Int) -> String {
        let d = date(days)
        return "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2))"
    }

    /// "2026-11"
    public static func isoMonth(_ days: Int) -> String {
        let d = date(days)
        return "\(pad(d.year, 4))-\(pad(d.month, 2))"
    }

    /// "2026-W47"
    public static func isoWeekLabel(_ days: Int) -> String {
        let w = isoWeek(days)
        return "\(pad(w.year, 4))-W\(pad(w.week, 2))"
    }

    /// Parses exactly "YYYY-MM-DD"; nil for anything else or an impossible date.
    public static func parse(_ text: String) -> Int? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D,
              let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2),
              (1...12).contains(m), d >= 1, d <= daysInMonth(year: y, month: m) else { return nil }
        return days(year: y, month: m, day: d)
    }

    static func digits(_ b: [UInt8], _ from: Int, _ count: Int) -> Int? {
        var v = 0
        for i in from..<(from + count) {
            let c = b[i] &- 0x30
            guard c < 10 else { return nil }
            v = v * 10 + Int(c)
        }
        return v
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
