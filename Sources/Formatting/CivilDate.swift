/// Pure proleptic-Gregorian calendar arithmetic on day numbers (days since 1970-01-01),
/// after Howard Hinnant's `days_from_civil` / `civil_from_days`. No time zones, no Foundation.
public enum CivilDate {
    /// Day number of the civil date `y-m-d` (month 1...12, day 1...31).
    @inlinable public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Civil date `(year, month, day)` of a day number.
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
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

    /// ISO weekday of a day number: 1 = Monday ... 7 = Sunday.
    public static func weekday(days: Int) -> Int {
        // 1970-01-01 was a Thursday (4).
        let r = (days + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// Day number of the first day of the month containing `days`.
    public static func startOfMonth(days: Int) -> Int {
        let c = civil(fromDays: days)
        return Self.days(year: c.year, month: c.month, day: 1)
    }

    /// Day number of the Monday starting the ISO week containing `days`.
    public static func startOfWeek(days: Int) -> Int {
        days - (weekday(days: days) - 1)
    }

    /// Adds whole months, clamping the day to the target month's length.
    public static func addingMonths(_ months: Int, to days: Int) -> Int {
        let c = civil(fromDays: days)
        let total = c.year * 12 + (c.month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        let first = Self.days(year: y, month: m, day: 1)
        let nextFirst = Self.days(year: m == 12 ? y + 1 : y, month: m == 12 ? 1 : m + 1, day: 1)
        return first + min(c.day, nextFirst - first) - 1
    }
}
