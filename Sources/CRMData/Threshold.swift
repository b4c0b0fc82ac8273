/// How many findings of a check a run tolerates before the check fails a run (`--fail-on`).
///
/// In YAML (`consent.thresholds.<check>`, `stale.thresholds.<check>`): a whole number is a
/// count (`5`: five findings fail, four do not); a number with a decimal point below 1 is a
/// share of what the check judges (`0.01`: 1 % of the judged messages or contacts fails).
/// Below the threshold the check does not fail; at or above it, it does.
public enum Threshold: Sendable, Equatable, CustomStringConvertible {
    case count(Int)
    case share(Double)

    /// Whether `count` findings out of `judged` judged items reach the threshold.
    /// No finding never reaches it (a threshold of 0 means any finding fails).
    public func isReached(count: Int, judged: Int) -> Bool {
        guard count > 0 else { return false }
        switch self {
        case .count(let n): return count >= n
        case .share(let s): return judged > 0 && Double(count) >= s * Double(judged)
        }
    }

    public var description: String {
        switch self {
        case .count(let n): return "\(n)"
        case .share(let s): return "\(s)"
        }
    }
}
