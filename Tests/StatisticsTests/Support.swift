import Foundation

/// True when `actual` equals `expected` within a relative tolerance `rel`
/// (or an absolute tolerance `abs`, whichever is looser). NaN never matches.
func close(_ actual: Double, _ expected: Double, rel: Double = 1e-12, abs absTol: Double = 0) -> Bool {
    guard actual.isFinite == expected.isFinite else { return false }
    if !expected.isFinite { return actual == expected }
    let diff = Swift.abs(actual - expected)
    return diff <= max(absTol, rel * Swift.abs(expected))
}

/// True when `actual` rounds to the published 4-decimal value (|diff| ≤ 5e-5).
func matches4dp(_ actual: Double, _ published: Double) -> Bool {
    Swift.abs(actual - published) <= 0.5e-4 + 1e-12
}
