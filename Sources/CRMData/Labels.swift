/// Interned text: each distinct value stored once, rows hold a small code.
/// Code -1 means NULL. Lookup hashes the raw bytes, so no String is made per row.
public struct Labels: Sendable {
    public private(set) var values: [String] = []
    private var bytes: [[UInt8]] = []
    private var chain: [Int32] = []
    private var heads: [UInt64: Int32] = [:]

    public init() {}

    public static let none: Int32 = -1

    public var count: Int { values.count }

    public subscript(code: Int32) -> String? { code >= 0 ? values[Int(code)] : nil }

    /// The code of a value, if it was ever seen.
    public func code(of value: String) -> Int32? {
        let b = Array(value.utf8)
        var c = heads[Self.hash(b)] ?? -1
        while c >= 0 {
            if bytes[Int(c)] == b { return c }
            c = chain[Int(c)]
        }
        return nil
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
        let head = heads[h] ?? -1
        var c = head
        while c >= 0 {
            if Self.same(bytes[Int(c)], p) { return c }
            c = chain[Int(c)]
        }
        let code = Int32(values.count)
        values.append(String(decoding: p, as: UTF8.self))
        bytes.append(Array(p))
        chain.append(head)
        heads[h] = code
        return code
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
        return h
    }
}
