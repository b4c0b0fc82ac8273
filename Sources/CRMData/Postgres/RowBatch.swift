import Foundation
import PostgresNIO

/// One FETCH's rows, copied out of postgres-nio's buffers into two flat blocks: the cells' bytes,
/// and for each cell where its bytes start and how many there are (-1: NULL). The reader reads
/// them in place; the block lives until the reader has moved on to the next batch.
///
/// Filled on an event-loop thread by the FETCH's row callback, read afterwards on the reader's
/// thread: the future that hands it over orders the two.
final class RowBatch: @unchecked Sendable {
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
        self.width = max(width, 1)
        spanCapacity = max(expectedRows, 1) * self.width
        byteCapacity = spanCapacity * 8
        bytes = .allocate(capacity: byteCapacity)
        spans = .allocate(capacity: spanCapacity)
    }

    deinit {
        bytes.deallocate()
        spans.deallocate()
    }

    /// Appends one row's cells (called only by the FETCH's row callback, one row at a time).
    func append(_ row: PostgresRow) throws {
        if (rows + 1) * width > spanCapacity { growSpans() }
        var k = rows * width
        for cell in row {
            guard let buffer = cell.bytes else {
                spans[k] = Span(start: 0, count: -1)
                k += 1
                continue
            }
            let n = buffer.readableBytes
            if byteCount + n > byteCapacity { try growBytes(byteCount + n) }
            buffer.withUnsafeReadableBytes { raw in
                if let base = raw.baseAddress { (bytes + byteCount).update(from: base.assumingMemoryBound(to: UInt8.self), count: n) }
            }
            spans[k] = Span(start: Int32(truncatingIfNeeded: byteCount), count: Int32(truncatingIfNeeded: n))
            byteCount += n
            k += 1
        }
        rows += 1
    }

    private func growSpans() {
        let bigger = UnsafeMutablePointer<Span>.allocate(capacity: spanCapacity * 2)
        bigger.update(from: spans, count: rows * width)
        spans.deallocate()
        spans = bigger
        spanCapacity *= 2
    }

    private func growBytes(_ needed: Int) throws {
        var capacity = byteCapacity * 2
        while capacity < needed { capacity *= 2 }
        // Offsets are 32-bit: a FETCH of a few thousand rows never comes near 2 GB.
        guard capacity < Int(Int32.max) else { throw CRMError("internal: a batch of rows exceeds 2 GB", kind: .internalFailure) }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        bigger.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = bigger
        byteCapacity = capacity
    }
}
