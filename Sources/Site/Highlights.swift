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
    static let sources: [any HighlightSource.Type] = [SummaryMoveHighlights.self, TopCampaignHighlight.self, AuditVerdictHighlights.self]

    /// Up to `count` sentences from the sources' candidates.
    static func top(_ context: SectionContext, count: Int = 3, sources: [any HighlightSource.Type] = sources) -> [String] {
        pick(sources.map { $0.highlights(context) }, count: count)
    }

    /// Each source's best first, in turns, so every kind of news gets a place before any kind
    /// gets a second one; shown in the sources' order.
    static func pick(_ candidates: [[Highlight]], count: Int) -> [String] {
        let ranked = candidates.map { $0.sorted { $0.weight > $1.weight } }
        var taken = Array(repeating: 0, count: ranked.count)
        var remaining = count
        var round = 0
        while remaining > 0 && ranked.contains(where: { $0.count > round }) {
            for i in ranked.indices where remaining > 0 && ranked[i].count > round {
                taken[i] += 1
                remaining -= 1
            }
            round += 1
        }
        return ranked.indices.flatMap { i in ranked[i].prefix(taken[i]).map(\.sentence) }
    }
}

/// The summary figures that moved most against the previous period, by the size of the
/// relative change. Left out: a figure over a zero base (no relative change), and a count whose
/// previous value is under `smallBase` (2 deals becoming 4 is +100% and no news).
enum SummaryMoveHighlights: HighlightSource {
    static let smallBase = 10.0

    static func highlights(_ context: SectionContext) -> [Highlight] {
        let words = context.words, format = context.format
        let against = words[context.period.kind == .week ? "edition.against.week" : "edition.against.month"]
        return SummaryMetric.allCases.compactMap { m in
            let f = context.results.summary[m]
            guard f.unavailable == nil, let current = f.current, let previous = f.previous, let d = f.vsPrevious,
                  let relative = d.relative, relative != 0, m.kind != .count || abs(previous) >= smallBase else { return nil }
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
