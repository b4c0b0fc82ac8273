/// A block of rows from a table scan, as two flat blocks: the cells' bytes, and for each cell
/// where its bytes start and how many there are (-1: NULL). The reader reads them in place; the
/// scan refills the same block once the reader has moved on to the next batch.
final class RowBatch {
    struct Span {
        var start: Int32
        var count: Int32
    }

    let width: Int
    private(set) var rows = 0
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var spans: UnsafeMutablePointer<Span>
    private var byteCount = 0, byteCapacity: Int
    private var spanCapacity: Int

    init(width: Int, expectedRows: Int) {
        self.width = max(width, 0)
        spanCapacity = max(expectedRows, 1) * max(self.width, 1)
        byteCapacity = spanCapacity * 8
        bytes = .allocate(capacity: byteCapacity)
        spans = .allocate(capacity: spanCapacity)
    }

    deinit {
        bytes.deallocate()
        spans.deallocate()
    }

    /// Empties the block for the next batch (its memory is kept).
    func reset() {
        rows = 0
        byteCount = 0
    }

    /// The spans of the row after the last one, to be filled before `commitRow`.
    @inline(__always) func nextRowSpans() -> UnsafeMutablePointer<Span> {
        if (rows + 1) * width > spanCapacity { growSpans() }
        return spans + rows * width
    }

    /// Adds the row whose spans `nextRowSpans` handed out, each start counted from `source`:
    /// the `count` bytes at `source` are copied into the block and the starts moved with them.
    @inline(__always) func commitRow(_ source: UnsafePointer<UInt8>, count: Int) throws {
        if byteCount + count > byteCapacity { try growBytes(byteCount + count) }
        (bytes + byteCount).update(from: source, count: count)
        let row = spans + rows * width
        let base = Int32(truncatingIfNeeded: byteCount)
        for k in 0..<width where row[k].count >= 0 { row[k].start &+= base }
        byteCount += count
        rows += 1
    }

    private func growSpans() {
        var capacity = spanCapacity * 2
        while capacity < (rows + 1) * width { capacity *= 2 }
        let bigger = UnsafeMutablePointer<Span>.allocate(capacity: capacity)
        bigger.update(from: spans, count: rows * width)
        spans.deallocate()
        spans = bigger
        spanCapacity = capacity
    }

    private func growBytes(_ needed: Int) throws {
        var capacity = byteCapacity * 2
        while capacity < needed { capacity *= 2 }
        // Offsets are 32-bit: a batch of a few thousand rows never comes near 2 GB.
        guard capacity < Int(Int32.max) else { throw BinaryCopyError("a batch of rows exceeds 2 GB") }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        bigger.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = bigger
        byteCapacity = capacity
    }
}

/// What is wrong with a binary COPY stream, in a few words (the scan names table and server).
struct BinaryCopyError: Error, Equatable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// PostgreSQL's binary COPY format (`COPY ... TO STDOUT (FORMAT binary)`, "Binary Format" in the
/// COPY reference) parsed into `RowBatch`es: an 11-byte signature, an int32 of flags, an int32
/// header-extension length and the extension; then per row an int16 field count (-1: the trailer,
/// the end), and per field an int32 length (-1: NULL) and that many bytes; all big-endian.
///
/// The stream may come in pieces cut anywhere (libpq hands over one row per piece, the header
/// with the first): a row cut short waits for the next piece. Bad data is an error, never a crash.
struct BinaryCopyDecoder {
    static let signature: [UInt8] = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00]   // PGCOPY\n\377\r\n\0

    enum Phase { case header, rows, done }

    /// Fields each row must have: the select list's width.
    let width: Int
    private(set) var phase = Phase.header
    /// The start of a row (or of the header) cut short at the end of the last piece.
    private var pending: [UInt8] = []

    init(width: Int) { self.width = width }

    /// Parses one piece of the stream; its complete rows are appended to `batch`.
    mutating func feed(_ piece: UnsafeRawBufferPointer, into batch: RowBatch) throws {
        guard piece.count > 0, let base = piece.baseAddress else { return }
        if pending.isEmpty {
            let p = base.assumingMemoryBound(to: UInt8.self)
            let used = try parse(p, piece.count, into: batch)
            if used < piece.count { pending.append(contentsOf: UnsafeBufferPointer(start: p + used, count: piece.count - used)) }
        } else {
            pending.append(contentsOf: piece.bindMemory(to: UInt8.self))
            let all = pending
            let used = try all.withUnsafeBufferPointer { b in
                guard let start = b.baseAddress else { return 0 }
                return try parse(start, b.count, into: batch)
            }
            pending.removeFirst(used)
        }
    }

    /// The end of the stream: anything but a complete header, rows and trailer is an error.
    func finish() throws {
        switch phase {
        case .header: throw BinaryCopyError(pending.isEmpty ? "the COPY data ended before its header" : "the COPY data ended inside its header")
        case .rows: throw BinaryCopyError("the COPY data ended before its trailer (truncated)")
        case .done: break
        }
    }

    @inline(__always) private static func int16(_ p: UnsafePointer<UInt8>) -> Int {
        Int(Int16(bitPattern: UInt16(p[0]) << 8 | UInt16(p[1])))
    }

    @inline(__always) private static func int32(_ p: UnsafePointer<UInt8>) -> Int {
        Int(Int32(bitPattern: UInt32(bigEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt32.self))))
    }

    /// Parses the complete parts of `p[0..<n]`; returns how many bytes they took.
    private mutating func parse(_ p: UnsafePointer<UInt8>, _ n: Int, into batch: RowBatch) throws -> Int {
        var i = 0
        if phase == .header {
            let sig = Self.signature
            for k in 0..<min(n, sig.count) where p[k] != sig[k] {
                throw BinaryCopyError("not PostgreSQL binary COPY data (bad signature)")
            }
            guard n >= 19 else { return 0 }
            let flags = UInt32(truncatingIfNeeded: Self.int32(p + 11))
            if flags & (1 << 16) != 0 { throw BinaryCopyError("the COPY data has row OIDs, which were not asked for") }
            if flags & 0xFFFE_0000 != 0 { throw BinaryCopyError("the COPY data has unknown critical flags \(String(flags, radix: 16))") }
            let extensionLength = Self.int32(p + 15)
            guard extensionLength >= 0 else { throw BinaryCopyError("the COPY header extension has length \(extensionLength)") }
            guard n - 19 >= extensionLength else { return 0 }
            i = 19 + extensionLength
            phase = .rows
        }
        while i < n {
            guard phase == .rows else { throw BinaryCopyError("data after the COPY trailer") }
            guard n - i >= 2 else { break }
            let fields = Self.int16(p + i)
            if fields == -1 {
                phase = .done
                i += 2
                continue
            }
            guard fields == width else { throw BinaryCopyError("a row of \(fields) fields where \(width) were asked for") }
            let spans = batch.nextRowSpans()
            var j = i + 2, complete = true
            for k in 0..<width {
                guard n - j >= 4 else { complete = false; break }
                let length = Self.int32(p + j)
                j += 4
                if length == -1 {
                    spans[k] = RowBatch.Span(start: 0, count: -1)
                    continue
                }
                guard length >= 0 else { throw BinaryCopyError("a field of length \(length)") }
                guard n - j >= length else { complete = false; break }
                spans[k] = RowBatch.Span(start: Int32(truncatingIfNeeded: j - i), count: Int32(truncatingIfNeeded: length))
                j += length
            }
            guard complete else { break }
            try batch.commitRow(p + i, count: j - i)
            i = j
        }
        return i
    }
}
