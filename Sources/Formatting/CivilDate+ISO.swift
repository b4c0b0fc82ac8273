/// ISO 8601 labels, parsing and calendar facts on day numbers.
extension CivilDate {
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

    /// The ISO 8601 week-numbering year and week of a day.
    public static func isoWeek(_ days: Int) -> (year: Int, week: Int) {
        let thursday = days - weekday(days: days) + 4
        let year = civil(fromDays: thursday).year
        return (year, (thursday - Self.days(year: year, month: 1, day: 1)) / 7 + 1)
    }

    /// "2026-11-16"
    public static func iso(_ days: Int) -> String {
        let d = civil(fromDays: days)
        return "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2))"
    }

    /// "2026-11"
    public static func isoMonth(_ days: Int) -> String {
        let d = civil(fromDays: days)
        return "\(pad(d.year, 4))-\(pad(d.month, 2))"
    }

    /// "2026-W47"
    public static func isoWeekLabel(_ days: Int) -> String {
        let w = isoWeek(days)
        return "\(pad(w.year, 4))-W\(pad(w.week, 2))"
    }

    /// Parses exactly "YYYY-MM-DD"; nil for anything else or an impossible date.
    public static func parse(_ text: String) -> Int? {
        guard text.utf8.count == 10 else { return nil }   // before copying the bytes: the text may be a megabyte
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D,
              let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2),
              (1...12).contains(m), d >= 1, d <= daysInMonth(year: y, month: m) else { return nil }
        return days(year: y, month: m, day: d)
    }

    private static func digits(_ b: [UInt8], _ from: Int, _ count: Int) -> Int? {
        var v = 0
        for i in from..<(from + count) {
            let c = b[i] &- 0x30
            guard c < 10 else { return nil }
            v = v * 10 + Int(c)
        }
        return v
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
