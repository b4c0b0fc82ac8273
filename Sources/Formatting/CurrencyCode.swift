import Foundation

/// The currency codes a report may name: ISO 4217 codes of real currencies (ICU's list of
/// common codes, 159 of them), so `XXX` ("no currency"), `XTS` (testing), metals, an empty or
/// a made-up code (`'<script>'`) are refused where they are given (config, `--currency`).
public enum CurrencyCode {
    static let known: Set<String> = Set(Locale.commonISOCurrencyCodes)

    /// nil when `code` is a known currency; else what is wrong with it, for the error line.
    public static func problem(_ code: String) -> String? {
        guard !known.contains(code) else { return nil }
        let shown = code.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? $0.escaped(asASCII: true) : String($0) }.joined()
        return "expected the ISO 4217 code of a currency such as RUB, USD, EUR, got '\(shown)'"
    }
}
