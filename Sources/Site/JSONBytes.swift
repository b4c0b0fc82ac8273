/// JSON text written straight into bytes: the one spelling of strings (escapes) and integers that
/// `JSONValue` and the large findings files share. Appending to a byte array costs a fraction of
/// building a `String` piece by piece.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Punctuation and literals, as they are.
    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// A quoted string: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00XX`,
    /// everything else (UTF-8 included) as it is.
    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                switch b {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case UInt8(ascii: "\n"): raw("\\n")
                case UInt8(ascii: "\r"): raw("\\r")
                case UInt8(ascii: "\t"): raw("\\t")
                default:
                    raw("\\u00")
                    bytes.append(Self.hex[Int(b >> 4)])
                    bytes.append(Self.hex[Int(b & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A decimal integer.
    mutating func int<I: BinaryInteger>(_ v: I) { bytes.appendDecimal(v) }

    /// `"key":` (compact, no space).
    mutating func key(_ k: String) {
        string(k)
        bytes.append(UInt8(ascii: ":"))
    }

    /// `"key":value` in an object, after a comma unless it is the object's first field.
    mutating func field(_ key: some CodingKey, _ v: String?, first: Bool = false) { name(key, first); string(v) }
    mutating func field<I: BinaryInteger>(_ key: some CodingKey, _ v: I?, first: Bool = false) { name(key, first); int(v) }
    mutating func field(_ key: some CodingKey, _ v: Bool, first: Bool = false) { name(key, first); bool(v) }
    /// A field whose value is an object of its own, or null.
    mutating func field<T>(_ key: some CodingKey, _ v: T?, first: Bool = false, _ write: (T, inout JSONBytes) -> Void) {
        name(key, first)
        if let v { write(v, &self) } else { raw("null") }
    }

    private mutating func name(_ key: some CodingKey, _ first: Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        self.key(key.stringValue)
    }

    mutating func string(_ s: String?) { if let s { string(s) } else { raw("null") } }
    mutating func int<I: BinaryInteger>(_ v: I?) { if let v { int(v) } else { raw("null") } }
    mutating func bool(_ b: Bool) { b ? raw("true") : raw("false") }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
