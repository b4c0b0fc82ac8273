import Formatting
import CRMData

/// Writes instants in the several ISO-8601 spellings real CRM exports mix,
/// so the demo exercises every form the contract accepts.
enum DemoStamp {
    enum Style { case space, minutes, isoZ, isoMillisZ, moscowOffset, date }

    static func format(_ ms: Int64, _ style: Style) -> String {
        let shifted = style == .moscowOffset ? ms + 3 * 3_600_000 : ms
        let day = Int(shifted >= 0 ? shifted / Instant.msPerDay : (shifted - Instant.msPerDay + 1) / Instant.msPerDay)
        let inDay = Int(shifted - Int64(day) * Instant.msPerDay)
        let d = CivilDate.civil(fromDays: day)
        var b: [UInt8] = []
        b.reserveCapacity(29)
        func put(_ v: Int, _ width: Int) {
            var digits = [UInt8](repeating: 0x30, count: width)
            var x = v
            for i in stride(from: width - 1, through: 0, by: -1) { digits[i] = UInt8(0x30 + x % 10); x /= 10 }
            b += digits
        }
        put(d.year, 4); b.append(0x2D); put(d.month, 2); b.append(0x2D); put(d.day, 2)
        if style == .date { return String(decoding: b, as: UTF8.self) }
        let seconds = inDay / 1000
        b.append(style == .space || style == .minutes ? 0x20 : 0x54)
        put(seconds / 3600, 2); b.append(0x3A); put(seconds / 60 % 60, 2)
        if style != .minutes { b.append(0x3A); put(seconds % 60, 2) }
        switch style {
        case .isoMillisZ: b.append(0x2E); put(inDay % 1000, 3); b.append(0x5A)
        case .isoZ: b.append(0x5A)
        case .moscowOffset: b += Array("+03:00".utf8)
        default: break
        }
        return String(decoding: b, as: UTF8.self)
    }
}
