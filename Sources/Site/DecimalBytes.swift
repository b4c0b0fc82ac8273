extension Array where Element == UInt8 {
    /// Appends an integer in decimal digits, without the detour through a `String`
    /// (the findings files write millions of them).
    mutating func appendDecimal<I: BinaryInteger>(_ v: I) {
        if v < 0 { append(UInt8(ascii: "-")) }
        var n = UInt64(v.magnitude)
        let start = count
        repeat {
            append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10
        } while n > 0
        self[start...].reverse()
    }
}
