/// Rounds a Double half away from zero on its shortest decimal representation
/// (the digits Swift prints for it), so 1.005 rounds to 1.01 and 0.125 to 0.13,
/// as a reader of the printed value would expect.
struct RoundedDecimal: Equatable {
    var negative: Bool
    /// Integer digits without leading zeros ("0" for zero).
    var integer: String
    /// Exactly `digits` fraction digits.
    var fraction: String

    var isZero: Bool { integer == "0" && fraction.allSatisfy { $0 == "0" } }

    init(_ value: Double, digits: Int) {
        let digits = max(0, digits)
        let text = "\(value.magnitude)"  // e.g. "1234.5", "1e-06", "1.2345e+16"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var ds: [UInt8] = []
        var pointPosition = 0
        var seenPoint = false
        for ch in mantissa {
            if ch == "." { seenPoint = true; continue }
            guard let d = ch.wholeNumberValue else { continue }
            ds.append(UInt8(d))
            if !seenPoint { pointPosition += 1 }
        }
        pointPosition += exponent
        // value = 0.ds × 10^pointPosition; keep pointPosition + digits digits.
        let keep = pointPosition + digits
        var kept: [UInt8]
        var roundUp = false
        if keep < 0 {
            kept = []
        } else {
            kept = Array(ds.prefix(keep))
            while kept.count < keep { kept.append(0) }
            if keep < ds.count { roundUp = ds[keep] >= 5 }
        }
        if roundUp {
            var i = kept.count - 1
            var carry = true
            while carry && i >= 0 {
                if kept[i] == 9 { kept[i] = 0; i -= 1 } else { kept[i] += 1; carry = false }
            }
            if carry { kept.insert(1, at: 0) }
        }
        // Ensure at least `digits` fraction digits and one integer digit.
        while kept.count < digits + 1 { kept.insert(0, at: 0) }
        let intDigits = kept.prefix(kept.count - digits).drop(while: { $0 == 0 })
        integer = intDigits.isEmpty ? "0" : String(intDigits.map { Character(String($0)) })
        fraction = String(kept.suffix(digits).map { Character(String($0)) })
        negative = false
        negative = value < 0 && !isZero
    }
}
