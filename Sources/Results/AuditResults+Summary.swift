import Audits
import CRMData
import Reports

extension AuditResults {
    /// The summary with its audit figures filled: the stale share (at A, and at the previous and
    /// year-ago period ends), the consent violations of messages sent in each period, and the
    /// addressable base at each period's end (at A for the current one).
    func summaryFigures(_ summary: SummaryReport, snapshot s: Snapshot) -> SummaryReport {
        var out = summary
        let p = summary.period, zone = s.zone
        let yearShift = p.kind == .week ? 52 : 12
        if let st = stale {
            out = out.replacing(.staleShare, with: SummaryReport.threePoints(
                current: st.share.current.share, previous: st.share.previous.share, yearAgo: st.share.yearAgo.share, yearShift: yearShift))
        }
        // Both tables, as before the audit ran with one of them: the figures need every message check and the consent states.
        guard let c = consent?.audit, s.has("consents"), s.has("messages") else { return out }
        // Violations per period of the trend, and for the year-ago period.
        let periods = summary.seriesPeriods
        let violations = periods.map { Optional(Double(c.violations(sentFrom: $0.start(zone), to: $0.end(zone)))) }
        let yearAgo = Double(c.violations(sentFrom: p.yearAgo.start(zone), to: p.yearAgo.end(zone)))
        out = out.replacing(.consentViolations, with: Figure(current: violations.last ?? nil, previous: violations.dropLast().last ?? nil,
                                                             yearAgo: yearAgo, trend: violations, unavailable: nil))
        // The addressable base at each trend period's end (at A for the current one) and the year-ago end, in one pass.
        if let reach = stale?.reachability {
            let moments = periods.dropLast().map { $0.end(zone) } + [s.asOf, p.yearAgo.end(zone)]
            let base = c.addressableBase(at: moments, in: s) { row, channel in
                switch channel {
                case .email: return reach.hasUsableEmail(row)
                case .sms, .phone, .messenger: return reach.phoneValid[row]
                case .push: return reach.hasPushToken[row]
                }
            }.map { Optional(Double($0)) }
            let trend = Array(base.prefix(periods.count))
            out = out.replacing(.addressableBase, with: Figure(current: trend.last ?? nil, previous: trend.dropLast().last ?? nil,
                                                               yearAgo: base.last ?? nil, trend: trend, unavailable: nil))
        }
        return out
    }
}
