import Foundation

/// A value one reading thread hands to another (the contact index, the campaign index),
/// or the news that it never will because the giver failed.
final class Handoff<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: T?
    private var failed = false

    func give(_ v: T) {
        condition.lock(); value = v; condition.broadcast(); condition.unlock()
    }

    func fail() {
        condition.lock(); if value == nil { failed = true }; condition.broadcast(); condition.unlock()
    }

    func take() throws -> T {
        condition.lock()
        defer { condition.unlock() }
        while value == nil && !failed { condition.wait() }
        guard let value else { throw CRMError("cannot read the database: a parallel reader failed") }
        return value
    }
}

/// Lets the two readers open their transactions, then holds them until the coordinator has
/// checked that no commit slipped in between (so both see one snapshot), and tells them whether to go on.
final class StartGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived = 0
    private var verdict: Bool?
    let parties: Int

    init(parties: Int) { self.parties = parties }

    /// Called by a reader once its read transaction holds its snapshot (or failed to).
    func arrive() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        condition.broadcast()
        while verdict == nil { condition.wait() }
        return verdict ?? false
    }

    /// A reader that never started: counted as arrived, without waiting for the verdict.
    func absent() {
        condition.lock(); arrived += 1; condition.broadcast(); condition.unlock()
    }

    func waitForAll() {
        condition.lock(); while arrived < parties { condition.wait() }; condition.unlock()
    }

    func decide(_ go: Bool) {
        condition.lock(); verdict = go; condition.broadcast(); condition.unlock()
    }
}
