import Formatting
import Reports

/// One sentence of "the most important changes" of the period, and how large the change is
/// (to rank it against the other candidates of the same source).
struct Highlight {
    let sentence: String
    let weight: Double
}

/// Where highlights come from. Each source ranks its own candidates, most important first;
/// sources are not compared with each other (a relative move and a campaign's revenue share
/// no unit), so `Highlights.top` takes them in turns.
protocol HighlightSource: Sendable {
    static func highlights(_ context: SectionContext) -> [Highlight]
}

/// The three most important changes of the period, as the e-mail edition and page 1 of the PDF
/// state them.
enum Highlights {
    /// In the order their sentences are shown. The audits' verdicts (stale contacts, consent)
    /// join by adding their source here, e.g. `AuditVerdictHighlights.self`.
    static let sources: [any HighlightSource.Type] = [SummaryMoveHighlights.self, TopCampaignHighlight.self]

    /// Up to `count` sentences: each source's best first, in turns, so every kind of news gets
    /// a place before any kind gets a second one; then in the sources' order.
    static func top(_ context: SectionContext, count: Int = 3, sources: [any HighlightSource.Type] = sources) -> [String] {
        let candidates = sources.map { $0.highlights(context).sorted { $0.weight > $1.weight } }
        var taken = Array(repeating: 0, count: candidates.count)
        var remaining = count
        var round = 0
        while remaining > 0 && candidates.indices.contains(where: { candidates[$0].count > round }) {
            for i in candidates.indices where remaining > 0 && candidates[i].count > round {
                taken[i] += 1
                remaining -= 1
            }
            round += 1
        }
        return candidates.indices.flatMap { i in candidates[i].prefix(taken[i]).map(\.sentence) }
    }
}

/// The summary figures that moved most against the previous period, by the size of the
/// relative change (a figure over a zero base has no relative change and is left out).
enum SummaryMoveHighlights: HighlightSource {
    static func highlights(_ context: SectionContext) -> [Highlight] {
        let words = context.words, format = context.format
        let against = words[context.period.kind == .week ? "edition.against.week" : "edition.against.month"]
        return SummaryMetric.allCases.compactMap { m in
            let f = context.results.summary[m]
            guard f.unavailable == nil, let current = f.current, let d = f.vsPrevious, let relative = d.relative, relative != 0 else { return nil }
            let sentence = words.fill("edition.move", [
                "metric": words["metric.\(m.rawValue)"], "change": format.change(d.absolute, m.kind),
                "relative": format.signedPercent(relative, digits: 1), "against": against, "value": format.figure(current, m.kind),
            ])
            return Highlight(sentence: sentence, weight: abs(relative))
        }
    }
}

/// The campaign with the largest incremental revenue among the measurable ones.
enum TopCampaignHighlight: HighlightSource {
    static func highlights(_ context: SectionContext) -> [Highlight] {
        guard let c = context.results.campaigns.rankedByIncrementalRevenue.first, let revenue = c.effect.incrementalRevenue else { return [] }
        let words = context.words
        let sentence = words.fill("edition.top_campaign", [
            "name": c.name, "revenue": context.format.money(revenue, digits: 0, signed: true),
            "verdict": words["campaigns.verdict.\(c.effect.verdict.rawValue)"],
        ])
        return [Highlight(sentence: sentence, weight: abs(revenue))]
    }
}
