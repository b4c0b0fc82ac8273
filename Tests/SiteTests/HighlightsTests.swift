@testable import Site
import Testing

/// How "the three most important changes" are chosen among the sources' candidates.
@Suite("Highlights")
struct HighlightsTests {
    func h(_ s: String, _ w: Double) -> Highlight { Highlight(sentence: s, weight: w) }

    @Test("each source's best in turns, then the next best; in the sources' order")
    func turns() {
        let moves = [h("orders", 0.2), h("revenue", 0.6), h("returns", 0.4)]
        let campaign = [h("campaign", 5000)]
        #expect(Highlights.pick([moves, campaign], count: 3) == ["revenue", "returns", "campaign"])
        // An audit verdict source added later takes a place before a second summary move.
        let audits = [h("consent", 12)]
        #expect(Highlights.pick([moves, campaign, audits], count: 3) == ["revenue", "campaign", "consent"])
        #expect(Highlights.pick([[], campaign], count: 3) == ["campaign"])
        #expect(Highlights.pick([[], []], count: 3).isEmpty)
    }
}
