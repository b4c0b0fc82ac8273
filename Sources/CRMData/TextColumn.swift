/// Free text of millions of rows in one buffer, such as `consents.evidence`: a String per row
/// would cost a heap block each (about 165 MB for the 2.6M consent events of the 1M-contact demo,
/// against 86 MB here). Row `i`'s UTF-8 ends at `ends[i]` and starts where row `i - 1` ends; an
/// empty span is NULL, as blank text is NULL (metrics.md, small print).
public struct TextColumn: Sendable, Equatable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    public init() {}

    public var count: Int { ends.count }

    public mutating func append(_ value: String?) {
        if var v = value { v.withUTF8 { bytes.append(contentsOf: $0) } }
        ends.append(bytes.count)
    }

    public mutating func reserveCapacity(_ rows: Int) { ends.reserveCapacity(rows) }

    /// Whether row `i` holds text, without making a String.
    @inline(__always) public func has(_ i: Int) -> Bool { ends[i] > start(i) }

    public subscript(i: Int) -> String? {
        let s = start(i), e = ends[i]
        return e > s ? String(decoding: bytes[s..<e], as: UTF8.self) : nil
    }

    @inline(__always) private func start(_ i: Int) -> Int { i == 0 ? 0 : ends[i - 1] }
}
