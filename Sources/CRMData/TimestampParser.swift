import Formatting
/// Parses the timestamp forms of the input contract into instants:
/// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS[.fff]]`, `YYYY-MM-DDTHH:MM[:SS[.fff]]`,
/// each optionally followed by `Z` or `+HH:MM` / `-HH:MM` (at most 14:00 either way), years 0001 to 9999.
/// A value without an offset is wall-clock time in the report's zone.
/// Works on raw UTF-8 bytes, because it runs once per timestamp on millions of rows.
public struct TimestampParser: Sendable {
    public let zone: ZoneClock

    public init(zone: ZoneClock) { self.zone = zone }

    public func parse(_ text: String) -> Instant? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    /// nil when the bytes are not one of the accepted forms or name an impossible date or time.
    public func parse(_ b: UnsafeBufferPointer<UInt8>) -> Instant? {
        let n = b.count
        guard n >= 10, n <= TextBounds.timestamp, b[4] == 0x2D, b[7] == 0x2D,
              let year = num(b, 0, 4), let month = num(b, 5, 2), let day = num(b, 8, 2),
              year >= 1, month >= 1, month <= 12, day >= 1,   // year 0000 is no date a CRM writes
              day <= 28 || day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }   // every month has 28
        var ms = Int64(CivilDate.days(year: year, month: month, day: day)) * Instant.msPerDay
        var i = 10
        if i < n, b[i] == 0x20 || b[i] == 0x54 {           // ' ' or 'T'
            guard i + 6 <= n, b[i + 3] == 0x3A,
                  let hh = num(b, i + 1, 2), let mm = num(b, i + 4, 2), hh < 24, mm < 60 else { return nil }
            ms += Int64(hh * 3600 + mm * 60) * 1000
            i += 6
            if i < n, b[i] == 0x3A {                          // ':SS'
                guard i + 3 <= n, let ss = num(b, i + 1, 2), ss < 60 else { return nil }
                ms += Int64(ss) * 1000
                i += 3
                if i < n, b[i] == 0x2E {                      // '.fff...'
                    var j = i + 1
                    var fraction: Int64 = 0
                    var scale: Int64 = 100
                    while j < n, b[j] &- 0x30 < 10 {
                        fraction += Int64(b[j] &- 0x30) * scale
                        scale /= 10
                        j += 1
                    }
                    guard j > i + 1 else { return nil }
                    ms += fraction
                    i = j
                }
            }
        }
        if i == n { return zone.instant(fromLocal: ms) }
        if b[i] == 0x5A { return i + 1 == n ? Instant(ms: ms) : nil }   // 'Z'
        guard b[i] == 0x2B || b[i] == 0x2D, i + 6 == n, b[i + 3] == 0x3A,
              let oh = num(b, i + 1, 2), let om = num(b, i + 4, 2), om < 60,
              oh * 60 + om <= 14 * 60 else { return nil }   // real UTC offsets run from -12:00 to +14:00
        let offset = Int64(oh * 3600 + om * 60) * 1000
        return Instant(ms: b[i] == 0x2B ? ms - offset : ms + offset)
    }

    @inline(__always) private func num(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var v = 0
        for k in from..<(from + count) {
            let c = b[k] &- 0x30
            guard c < 10 else { return nil }
            v = v * 10 + Int(c)
        }
        return v
    }
}
