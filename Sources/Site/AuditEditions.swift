import Audits
import Formatting
import Results

/// The audits in the e-mail and PDF editions: their verdict as one of the most important
/// changes, and a verdict page each in the PDF. From the computed results, like the pages.
enum AuditVerdictHighlights: HighlightSource {
    static func highlights(_ context: SectionContext) -> [Highlight] {
        guard let a = context.results.audits.consent?.audit, a.ranAny else { return [] }
        let w = context.words, f = context.format
        guard a.violations > 0 else { return [Highlight(sentence: w.fill("edition.consent_clean", ["warnings": f.count(Double(a.warnings))]), weight: 1)] }
        // The violation check with the most findings (ties: the first id).
        let worst = a.counts.filter { a.policy.severity(of: $0.key) == .violation && $0.value > 0 }
            .max { ($0.value, $1.key) < ($1.value, $0.key) }
        let name = worst.map { top in ConsentChecks.descriptions.first { $0.identifier == top.key }.map { w.text($0.name) } ?? top.key } ?? ""
        let sentence = w.fill("edition.consent_verdict", ["violations": f.count(Double(a.violations)), "warnings": f.count(Double(a.warnings)),
                                                          "check": name, "count": worst.map { f.count(Double($0.value)) } ?? ""])
        return [Highlight(sentence: sentence, weight: Double(a.violations) + 1)]
    }
}

extension PDFChapter {
    /// The stale-contact audit's verdict page: every check with its count, share and trend.
    static let staleAudit = PDFChapter { context, drawn in
        let w = context.words, f = context.format
        var blocks: [PDFBlock] = [.heading(w["stale.title"])]
        guard let r = context.results.audits.stale else { return blocks + [.paragraph(w["stale.not_run"], muted: true)] }
        let a = r.audit
        blocks.append(.paragraph(w.fill("stale.lead", ["base": f.count(Double(a.base)), "previous": f.count(Double(a.previousBase))]), muted: false))
        let rows: [[String]] = StaleChecks.all.map { c in
            let d = type(of: c).description
            let name = w.text(d.name)
            guard let x = a.checks[d.identifier] ?? nil else { return [name, w["stale.check_not_run"], "", ""] }
            return [name, f.count(Double(x.count)), x.share.map { f.percent($0) } ?? NumberFormat.missing, f.count(Double(x.previousCount))]
        }
        blocks.append(.table(headers: [w["stale.check"], w["stale.count"], w["stale.share"], w["stale.previous"]], rows: rows))
        if let chart = drawn.of(AuditContactsSection.self)?.wideCharts.first { blocks.append(.chart(chart)) }
        return blocks
    }

    /// The consent audit's verdict page: the counts by severity and every check with its legal basis.
    static let consentAudit = PDFChapter { context, drawn in
        let w = context.words, f = context.format
        var blocks: [PDFBlock] = [.heading(w["edition.consent_title"])]
        guard let a = context.results.audits.consent?.audit, a.ranAny else { return blocks + [.paragraph(w["edition.consent_not_run"], muted: true)] }
        blocks.append(.paragraph(w.fill("edition.consent_counts", ["violations": f.count(Double(a.violations)), "warnings": f.count(Double(a.warnings)),
                                                                   "info": f.count(Double(a.info)), "waived": f.count(Double(a.waived))]), muted: false))
        let rows: [[String]] = ConsentChecks.descriptions.map { d in
            [w.text(d.name), w["severity.\(a.policy.severity(of: d.identifier).rawValue)"],
             a.ran(d.identifier) ? f.count(Double(a.counts[d.identifier] ?? 0)) : w["stale.check_not_run"], d.basis]
        }
        blocks.append(.table(headers: [w["stale.check"], w["stale.severity"], w["edition.findings"], w["edition.basis"]], rows: rows))
        return blocks
    }
}
