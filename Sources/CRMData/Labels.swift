/// Interned text: each distinct value stored once, rows hold a small code.
/// Code -1 means NULL. Lookup hashes the raw bytes, so no String is made per row.
public struct Labels: Sendable {
    public private(set) var values: [String] = []
    private var bytes: [[UInt8]] = []
    private var hashes: [UInt64] = []
    /// An open-addressing table of codes (-1: empty), found by the bytes' own FNV hash: interning
    /// runs once per text cell on millions of rows, and a Dictionary would hash that hash again.
    private var slots = [Int32](repeating: -1, count: 16)

    public init() {}

    public static let none: Int32 = -1

    public var count: Int { values.count }

    public subscript(code: Int32) -> String? { code >= 0 ? values[Int(code)] : nil }

    /// The code of a value, if it was ever seen.
    public func code(of value: String) -> Int32? {
        var copy = value
        return copy.withUTF8 { p in
            let (code, _) = find(p, Self.hash(p))
            return code >= 0 ? code : nil
        }
    }

    public mutating func intern(_ value: String) -> Int32 {
        var copy = value
        return copy.withUTF8 { intern($0) }
    }

    /// Interns text as it will be shown: cleaned of control characters first (see `CleanText`).
    public mutating func intern(_ p: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard !CleanText.needsCleaning(p) else {
            var clean = CleanText.string(p)
            return clean.withUTF8 { internClean($0) }
        }
        return internClean(p)
    }

    private mutating func internClean(_ p: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(p)
        let (found, slot) = find(p, h)
        if found >= 0 { return found }
        let code = Int32(values.count)
        values.append(String(decoding: p, as: UTF8.self))
        bytes.append(Array(p))
        hashes.append(h)
        slots[slot] = code
        if values.count * 2 > slots.count { grow() }
        return code
    }

    /// The code of the bytes, or -1 and the empty slot where they would go.
    @inline(__always) private func find(_ p: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> (code: Int32, slot: Int) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let c = slots[i]
            if c < 0 { return (-1, i) }
            if hashes[Int(c)] == h && Self.same(bytes[Int(c)], p) { return (c, i) }
            i = (i + 1) & mask
        }
    }

    /// Doubles the table, keeping it at most half full so probes stay short.
    private mutating func grow() {
        var table = [Int32](repeating: -1, count: slots.count * 2)
        let mask = table.count - 1
        for (code, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while table[i] >= 0 { i = (i + 1) & mask }
            table[i] = Int32(code)
        }
        slots = table
    }

    @inline(__always) static func same(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBufferPointer { x in
            for k in 0..<x.count where x[k] != b[k] { return false }
            return true
        }
    }

    @inline(__always) static func hash<C: Collection>(_ p: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in p { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        // FNV's low bits are weak for short, similar texts; fold the high bits in before masking.
        return h ^ (h >> 29)
    }
}
