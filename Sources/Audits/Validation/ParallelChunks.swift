import Dispatch
import Foundation

/// Splits `0..<count` into a few chunks per core (at least `minimumChunk` items each), runs `body`
/// on every chunk, all cores at once, and returns the results in chunk order. Validation is
/// CPU-bound and embarrassingly parallel, so this is how it uses both cores of the reference
/// machine; several chunks per core keep both busy when one is slowed by other work. The findings
/// files are written the same way.
public func parallelChunks<T: Sendable>(_ count: Int, minimumChunk: Int = 2048, _ body: @Sendable (Range<Int>) -> T) -> [T] {
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunks = max(1, min(4 * cores, count / max(1, minimumChunk)))
    if chunks == 1 { return [body(0..<count)] }
    let slots = Slots<T>(chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        slots.set(chunk, body(count * chunk / chunks..<count * (chunk + 1) / chunks))
    }
    return slots.values()
}

/// `transform` applied to every element, on all cores, in order.
func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
    parallelChunks(items.count) { range in range.map { transform(items[$0]) } }.flatMap { $0 }
}

/// Runs two independent computations on two cores and returns both results.
func parallelPair<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let a = Slots<A>(1), b = Slots<B>(1)
    DispatchQueue.concurrentPerform(iterations: 2) { $0 == 0 ? a.set(0, first()) : b.set(0, second()) }
    // Both slots are filled once concurrentPerform returns.
    return (a.values()[0], b.values()[0])
}

/// One result slot per worker. Unchecked Sendable: each slot is written by exactly one worker,
/// through a raw buffer (no shared Array header), and read only after all workers finished.
private final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(_ count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ i: Int, _ value: T) { buffer[i] = value }
    func values() -> [T] { buffer.compactMap { $0 } }
}
