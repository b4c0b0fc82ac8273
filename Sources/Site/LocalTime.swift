import CRMData
import Formatting

/// Moments written in the report's time zone: ISO-8601 with the zone's offset for the findings
/// files ("2026-11-17T14:03:00+03:00"), and day and wall-clock time for the pages.
enum LocalTime {
    /// The local wall clock of an instant: day number and milliseconds into that day.
    static func wallClock(_ instant: Instant, zone: ZoneClock) -> (day: Int, ms: Int64, offset: Int64) {
        let offset = zone.offset(atUTC: instant.ms)
        let day = zone.day(of: instant)
        return (day, instant.ms + offset - Int64(day) * Instant.msPerDay, offset)
    }

    static func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// "14:03" (seconds shown only when not zero: "14:03:27").
    static func clock(_ ms: Int64) -> String {
        let s = ms / 1000
        let hm = "\(two(s / 3600)):\(two(s / 60 % 60))"
        return s % 60 == 0 ? hm : "\(hm):\(two(s % 60))"
    }

    /// "2026-11-17T14:03:00+03:00"; milliseconds appear when the moment has them ("…:00.250+03:00").
    static func iso(_ instant: Instant, zone: ZoneClock) -> String {
        let (day, ms, offset) = wallClock(instant, zone: zone)
        let s = ms / 1000
        var text = "\(CivilDate.iso(day))T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))"
        if ms % 1000 != 0 {
            let frac = ms % 1000
            text += "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + String(frac)
        }
        let minutes = abs(offset) / 60_000
        return text + (offset < 0 ? "-" : "+") + "\(two(minutes / 60)):\(two(minutes % 60))"
    }

    /// "17 Nov 2026 14:03" in the page's language.
    static func shown(_ instant: Instant, zone: ZoneClock, format: NumberFormat) -> String {
        let (day, ms, _) = wallClock(instant, zone: zone)
        return "\(format.date(day: day))\u{00A0}\(clock(ms))"
    }
}
