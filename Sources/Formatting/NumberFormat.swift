import Foundation

/// Deterministic, hand-written number and date formatting for report pages and charts.
///
/// Not Foundation's `NumberFormatter`: ICU data differs across machines, and pages must be
/// byte-identical. Conventions:
/// - Negative numbers use U+2212 MINUS SIGN; "-0" is never printed.
/// - Rounding is half away from zero on the value's shortest decimal representation.
/// - Russian uses U+00A0 NO-BREAK SPACE as the group separator and before "%", "₽" and units
///   (the CLDR choice; it keeps numbers on one line in HTML and renders in DejaVu Sans).
/// - NaN and infinity print as "—" (U+2014).
public struct NumberFormat: Sendable {
    public let locale: ReportLocale
    /// ISO 4217 code as given ("RUB", "USD", ...).
    public let currency: String

    /// The no-break space used between number groups and before units in Russian.
    public static let nbsp = "\u{00A0}"
    /// U+2212 MINUS SIGN.
    public static let minus = "\u{2212}"
    /// What non-finite values print as.
    public static let missing = "\u{2014}"

    public init(locale: ReportLocale, currency: String) {
        self.locale = locale
        self.currency = currency
    }

    var groupSeparator: String { locale == .en ? "," : Self.nbsp }
    var decimalSeparator: String { locale == .en ? "." : "," }

    /// The currency's symbol, or its code when it has none we print.
    public var currencySymbol: String {
        switch currency.uppercased() {
        case "RUB": return "₽"
        case "USD": return "$"
        case "EUR": return "€"
        case "GBP": return "£"
        default: return currency
        }
    }

    /// Formats a number with grouping; returns nil for NaN/infinity.
    func plain(_ v: Double, digits: Int, signed: Bool = false) -> String? {
        guard v.isFinite else { return nil }
        let r = RoundedDecimal(v, digits: digits)
        var out = r.negative ? Self.minus : (signed && !r.isZero ? "+" : "")
        out += grouped(r.integer)
        if digits > 0 { out += decimalSeparator + r.fraction }
        return out
    }

    func grouped(_ integer: String) -> String {
        let chars = Array(integer)
        var out = ""
        for (i, c) in chars.enumerated() {
            if i > 0 && (chars.count - i) % 3 == 0 { out += groupSeparator }
            out.append(c)
        }
        return out
    }

    /// Whole count: en "1,234,567", ru "1 234 567"; `signed`: "+12", "−3", "0".
    public func count(_ v: Double, signed: Bool = false) -> String {
        plain(v, digits: 0, signed: signed) ?? Self.missing
    }

    /// Fixed fraction digits: en "1,234,567.8", ru "1 234 567,8"; `signed`: "+0.3", "−70.0".
    public func decimal(_ v: Double, digits: Int, signed: Bool = false) -> String {
        plain(v, digits: digits, signed: signed) ?? Self.missing
    }

    /// A fraction as percent: 0.125 -> en "12.5%", ru "12,5 %".
    public func percent(_ fraction: Double, digits: Int = 1) -> String {
        guard let s = plain(fraction * 100, digits: digits) else { return Self.missing }
        return locale == .en ? s + "%" : s + Self.nbsp + "%"
    }

    /// A difference of fractions in percentage points, signed: 0.0068 -> en "+0.68 pp", ru "+0,68 п. п.".
    public func points(_ fraction: Double, digits: Int = 2) -> String {
        guard let s = plain(fraction * 100, digits: digits, signed: true) else { return Self.missing }
        return locale == .en ? s + Self.nbsp + "pp" : s + Self.nbsp + "п." + Self.nbsp + "п."
    }

    /// A relative change, signed: 0.125 -> "+12.5%", -0.03 -> "−3.0%".
    public func signedPercent(_ fraction: Double, digits: Int = 1) -> String {
        guard let s = plain(fraction * 100, digits: digits, signed: true) else { return Self.missing }
        return locale == .en ? s + "%" : s + Self.nbsp + "%"
    }

    /// Money: en "$1,234,567.80" (code after the number for unknown currencies), ru "1 234 567,80 ₽".
    /// `signed`: "+$54" / "−54 ₽", the sign held to the amount by a word joiner; no sign on zero.
    public func money(_ v: Double, digits: Int = 2, signed: Bool = false) -> String {
        guard v.isFinite else { return Self.missing }
        let r = RoundedDecimal(v, digits: digits)
        var body = grouped(r.integer)
        if digits > 0 { body += decimalSeparator + r.fraction }
        guard signed else { return withCurrency(body, negative: r.negative) }
        return signPrefix(negative: r.negative, zero: r.isZero) + withCurrency(body, negative: false)
    }

    /// "+" or "−" and a word joiner (nothing for zero), so a line never breaks between sign and amount.
    func signPrefix(negative: Bool, zero: Bool) -> String {
        zero ? "" : (negative ? Self.minus : "+") + "\u{2060}"
    }

    func withCurrency(_ body: String, negative: Bool) -> String {
        let sign = negative ? Self.minus : ""
        let sym = currencySymbol
        if locale == .en && sym.count == 1 { return sign + sym + body }
        return sign + body + Self.nbsp + sym
    }

    /// Short money: en "$1.2M", "$12K", "$950"; ru "1,2 млн ₽", "12 тыс. ₽", "950 ₽".
    public func compactMoney(_ v: Double, signed: Bool = false) -> String {
        guard let (body, negative) = compactParts(v, maxFractionDigits: nil) else { return Self.missing }
        guard signed else { return withCurrency(body, negative: negative) }
        return signPrefix(negative: negative, zero: v == 0) + withCurrency(body, negative: false)
    }

    /// Short number: en "1.2M", "12K", "950"; ru "1,2 млн", "12 тыс.", "950".
    public func compact(_ v: Double) -> String {
        guard let (body, negative) = compactParts(v, maxFractionDigits: nil) else { return Self.missing }
        return (negative ? Self.minus : "") + body
    }

    /// `compact` with an explicit number of fraction digits (trailing zeros removed), for axis labels
    /// that must stay distinct.
    public func compact(_ v: Double, fractionDigits: Int, money: Bool) -> String {
        guard let (body, negative) = compactParts(v, maxFractionDigits: fractionDigits) else { return Self.missing }
        return money ? withCurrency(body, negative: negative) : (negative ? Self.minus : "") + body
    }

    private static let enUnits = ["", "K", "M", "B", "T"]
    private static let ruUnits = ["", "тыс.", "млн", "млрд", "трлн"]

    /// Picks K/M/B/T by magnitude; one fraction digit below 10 units, none above (unless given).
    private func compactParts(_ v: Double, maxFractionDigits: Int?) -> (String, Bool)? {
        guard v.isFinite else { return nil }
        let a = v.magnitude
        var unit = 0
        var scaled = a
        while scaled >= 1000 && unit < 4 { scaled /= 1000; unit += 1 }
        while true {
            let digits = maxFractionDigits ?? (scaled < 10 ? (unit == 0 && scaled.rounded() == scaled ? 0 : 1) : 0)
            let r = RoundedDecimal(scaled, digits: digits)
            if r.integer.count > 3 && unit < 4 {
                scaled /= 1000; unit += 1; continue
            }
            var frac = Substring(r.fraction)
            while frac.last == "0" { frac = frac.dropLast() }
            var body = grouped(r.integer)
            if !frac.isEmpty { body += decimalSeparator + frac }
            let units = locale == .en ? Self.enUnits : Self.ruUnits
            if unit > 0 { body += locale == .en ? units[unit] : Self.nbsp + units[unit] }
            let isZero = r.isZero
            return (body, v < 0 && !isZero)
        }
    }

    /// Days: en "12.5 days", ru "12,5 дн.".
    public func days(_ v: Double) -> String {
        guard let s = plain(v, digits: 1) else { return Self.missing }
        return s + Self.nbsp + (locale == .en ? "days" : "дн.")
    }

    private static let enMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// Genitive abbreviations, used after a day number ("16 ноя").
    private static let ruMonthsGenitive = ["янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
    /// Nominative abbreviations, used alone or with a year ("май 2026").
    private static let ruMonthsNominative = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]

    /// en "16 Nov 2026", ru "16 ноя 2026".
    public func date(day: Int) -> String {
        shortDate(day: day) + " " + String(CivilDate.civil(fromDays: day).year)
    }

    /// en "16 Nov", ru "16 ноя".
    public func shortDate(day: Int) -> String {
        let c = CivilDate.civil(fromDays: day)
        let names = locale == .en ? Self.enMonths : Self.ruMonthsGenitive
        return "\(c.day) \(names[c.month - 1])"
    }

    /// en "Nov 2026", ru "ноя 2026".
    public func month(day: Int) -> String {
        let c = CivilDate.civil(fromDays: day)
        let names = locale == .en ? Self.enMonths : Self.ruMonthsNominative
        return "\(names[c.month - 1]) \(c.year)"
    }

    /// "2026-11-16".
    public func isoDate(day: Int) -> String {
        let c = CivilDate.civil(fromDays: day)
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n.magnitude)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return (c.year < 0 ? "-" : "") + pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2)
    }
}
