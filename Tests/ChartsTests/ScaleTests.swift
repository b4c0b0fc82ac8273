import Foundation
import Testing
@testable import Charts

/// 1, 2 or 5 × 10^k.
func isNice(_ step: Double) -> Bool {
    let e = floor(log10(step))
    let m = step / pow(10, e)
    return [1.0, 2.0, 5.0, 10.0].contains { abs(m - $0) < 1e-9 }
}

@Test(arguments: [
    (0.0, 100.0), (0, 1), (-35, 80), (-1200, -3), (7, 7), (0, 0), (-4, -4), (0, 1e12), (3.2e11, 9.9e11),
    (0, 1e-6), (2.3e-6, 7.1e-6), (0.31, 0.37), (1_000_000, 1_000_003), (-0.0042, 0.0068), (0, 0.25), (1, 2_345_678),
])
func niceTicks(lo: Double, hi: Double) throws {
    let ticks = NiceTicks.ticks(lo, hi, maxCount: 7)
    #expect(ticks.count >= 2 && ticks.count <= 7)
    let (slo, shi) = NiceTicks.sanitize(lo, hi)
    #expect(ticks.first! <= slo && ticks.last! >= shi, "ticks \(ticks) do not cover \(lo)...\(hi)")
    let step = try #require(NiceTicks.step(of: ticks))
    #expect(step > 0 && isNice(step), "step \(step)")
    for (a, b) in zip(ticks, ticks.dropFirst()) {
        #expect(abs((b - a) - step) <= step * 1e-9)
    }
    // Ticks are multiples of the step (so 0 is a tick whenever the domain spans it).
    for t in ticks { #expect(abs(t / step - (t / step).rounded()) < 1e-6) }
    if slo <= 0 && shi >= 0 { #expect(ticks.contains(0)) }
}

@Test func ticksAreCleanDecimals() {
    #expect(NiceTicks.ticks(0.31, 0.37, maxCount: 7) == [0.31, 0.32, 0.33, 0.34, 0.35, 0.36, 0.37])
    #expect(NiceTicks.ticks(0, 1e-6) == [0, 2e-7, 4e-7, 6e-7, 8e-7, 1e-6])
    #expect(NiceTicks.ticks(0, 1e12) == [0, 2e11, 4e11, 6e11, 8e11, 1e12])
    #expect(NiceTicks.ticks(-35, 80) == [-40, -20, 0, 20, 40, 60, 80])
    #expect(NiceTicks.ticks(7, 7) == [0, 2, 4, 6, 8])
    #expect(NiceTicks.ticks(-4, -4) == [-4, -3, -2, -1, 0])
    #expect(NiceTicks.ticks(0, 0) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(NiceTicks.ticks(.nan, .infinity) == NiceTicks.ticks(0, 1))
}

@Test func linearScaleIncludesZeroForBars() {
    let (s, ticks) = LinearScale.nice(120, 480, includeZero: true, range: (300, 0))
    #expect(ticks.first == 0)
    #expect(s(0) == 300)
    #expect(s(ticks.last!) == 0)
    let (neg, nticks) = LinearScale.nice(-50, -10, includeZero: true, range: (0, 100))
    #expect(nticks.last == 0 && neg(0) == 100)
    let flat = LinearScale(domain: (5, 5), range: (0, 100))
    #expect(flat(5) == 50)
}

@Test func bandScale() {
    let b = BandScale(count: 4, range: (0, 400), paddingInner: 0.2, paddingOuter: 0.1)
    #expect(abs(b.start(0) - b.step * 0.1) < 1e-9)
    #expect(abs(b.start(3) + b.bandwidth + b.step * 0.1 - 400) < 1e-9)
    #expect(b.bandwidth < b.step)
}

@Test func timeScaleLabelsDoNotOverlap() {
    let canvas = RecordingCanvas()
    let days = (0..<52).map { monday + 7 * $0 }
    let scale = TimeScale(first: days.first!, last: days.last!, range: (0, 800))
    let ticks = scale.ticks(buckets: days, grain: .week, format: enF, canvas: canvas, style: ValueAxis.style)
    #expect(ticks.count <= 7 && ticks.count >= 2)
    #expect(ticks.last?.day == days.last)
    let xs = ticks.map { scale($0.day) }
    for i in 1..<ticks.count {
        let gap = xs[i] - xs[i - 1]
        let need = (canvas.textWidth(ticks[i].label, style: ValueAxis.style) + canvas.textWidth(ticks[i - 1].label, style: ValueAxis.style)) / 2
        #expect(gap >= need)
    }
}

@Test func colorScales() {
    let s = ColorScale.sequential(0, 1)
    #expect(s(0) == ColorScale.sequentialStops.first)
    #expect(s(1) == ColorScale.sequentialStops.last)
    #expect(s(-5) == s(0) && s(.nan) == s(0))
    let d = ColorScale.diverging(maxAbs: 2)
    #expect(d(0) == Color(hex: 0xF2F2F2))
}
