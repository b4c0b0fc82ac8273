import Audits
import Charts
import CRMData
import Foundation
import Formatting
import Reports
import Results

/// audit-contacts.html and findings/stale-contacts.csv: the stale-contact audit, check by check
/// with its trend, which sources bring bad contacts, and the contacts with their findings
/// (personal data masked unless --show-pii).
struct AuditContactsSection: ReportSection {
    static let file = "audit-contacts.html"
    static let navKey = "nav.audit_contacts"
    static let template = "audit-contacts"
    /// Contacts listed on the page; the CSV holds them all.
    static let pageLimit = 200

    static func page(_ context: SectionContext) -> AuditContactsPage? {
        context.results.audits.stale.map { AuditContactsPage(result: $0, frame: context.frame, showPII: context.config.showPII) }
    }

    static func charts(_ context: SectionContext) -> [RenderedChart] { page(context)?.charts() ?? [] }

    static func viewModel(_ context: SectionContext, charts: [RenderedChart]) -> [String: Any] {
        let gate = AuditGatePanel(audit: .staleContacts, results: context.results.audits, frame: context.frame).context
        guard let page = page(context) else {
            return context.frame.context(page: file, title: context.words["stale.title"],
                                         body: ["heading": context.words["stale.title"], "unavailable": context.words["stale.not_run"], "gate": gate])
        }
        return page.context(charts: charts, gate: gate)
    }

    static func findings(_ context: SectionContext) -> [FindingsFile] {
        guard let stale = context.results.audits.stale else { return [] }
        return [FindingsFile("findings/stale-contacts.csv") { FindingsCSV.staleContacts(stale).data }]
    }

    /// The page's words, and the gate panel's both audit pages share.
    static func words(_ locale: ReportLocale) -> [String: String] {
        (locale == .ru ? AuditContactsPage.ru : AuditContactsPage.en).merging(AuditGatePanel.words(locale)) { a, _ in a }
    }
}

struct AuditContactsPage {
    let result: StaleAuditResult
    let frame: PageFrame
    let showPII: Bool

    var words: Words { frame.words }
    var format: NumberFormat { frame.format }
    var audit: StaleContactsAudit { result.audit }

    func text(_ b: Bilingual) -> String { words.text(b) }
    func pct(_ v: Double?) -> String { v.map { format.percent($0) } ?? NumberFormat.missing }
    func checkName(_ id: String) -> String { StaleChecks.description(of: id).map { text($0.name) } ?? id }

    /// The sources shown in the chart: the worst ten.
    var chartSources: [StaleAuditResult.Source] { Array(result.sources.prefix(10)) }

    func charts() -> [RenderedChart] {
        let sources = chartSources
        guard !sources.isEmpty else { return [] }
        let height = max(180, 80 + 34 * sources.count)
        return wideAndNarrow({ id, size in
            barChart(id: id, title: words["stale.by_source_chart"], subtitle: words["stale.by_source_sub"],
                     categories: sources.map(\.source),
                     series: [BarSeries(label: words["stale.flagged_share"], values: sources.map(\.share), role: .negative)],
                     orientation: .horizontal, value: .percent, format: format, size: ChartSize(width: size.width, height: height))
        }, id: "stale-sources")
    }

    /// Every check: its open findings with their share and trend, the waived apart (and those
    /// whose waiver expired), its threshold; or why it did not run.
    var checks: [[String: Any]] {
        let thresholds = Dictionary(result.tallies.map { ($0.check, $0.threshold) }, uniquingKeysWith: { a, _ in a })
        let absent = Dictionary(audit.notes.filter { $0.effect == .notRun }.map { ($0.check, $0.absentTables) }, uniquingKeysWith: { a, _ in a })
        return StaleChecks.all.map { check in
            let d = type(of: check).description
            let severity = result.severity[d.identifier] ?? d.severity
            var row: [String: Any] = ["check_id": d.identifier, "name": text(d.name), "action": text(d.action),
                                      "severity": words["severity.\(severity.rawValue)"], "severity_id": severity.rawValue]
            // Mustache takes an empty string for true: a line is set only when there is something to show.
            if let t = thresholds[d.identifier] ?? nil {
                row["threshold_line"] = words.fill("consent.threshold_line", ["n": AuditGatePanel.thresholdText(t, format: format)])
            }
            if let r = audit.checks[d.identifier] ?? nil {
                row["count"] = format.count(Double(r.count))
                row["share"] = pct(r.share)
                row["previous"] = format.count(Double(r.previousCount))
                if r.waived > 0 { row["waived_line"] = words.fill("consent.waived_line", ["n": format.count(Double(r.waived))]) }
                if r.expiredWaiver > 0 { row["expired_line"] = words.fill("consent.expired_count", ["n": format.count(Double(r.expiredWaiver))]) }
            } else {
                let tables = absent[d.identifier] ?? []
                row["not_run"] = tables.isEmpty ? words["stale.check_not_run"]
                    : words.fill(tables.count == 1 ? "gate.reason_table" : "gate.reason_tables", ["tables": tables.joined(separator: ", ")])
            }
            return row
        }
    }

    /// The waived findings apart, each with its waiver, capped like the contacts list.
    var waived: (rows: [[String: Any]], rest: Int) {
        let shown = result.waived.prefix(AuditContactsSection.pageLimit)
        let rows: [[String: Any]] = shown.map { w in
            ["id": String(w.contact.id), "name": checkName(w.check), "key_label": w.waiver.key.description, "reason": w.waiver.reason,
             "accepted_label": w.waiver.acceptedBy, "expires_label": format.date(day: w.waiver.expires)]
        }
        return (rows, result.waived.count - shown.count)
    }

    func context(charts: [RenderedChart], gate: [String: Any]) -> [String: Any] {
        let byID = Dictionary(charts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let checks = self.checks
        let waived = self.waived
        let sources: [[String: Any]] = result.sources.map { s in
            ["source": s.source, "contacts": format.count(Double(s.contacts)), "flagged": format.count(Double(s.flagged)), "share": pct(s.share)]
        }
        let listed = result.contacts.prefix(AuditContactsSection.pageLimit)
        let contacts: [[String: Any]] = listed.map { c in
            ["id": String(c.id), "source": c.source ?? StaleCheckResult.noSource,
             "email": PersonalData.email(c.email, show: showPII), "phone": PersonalData.phone(c.phone, show: showPII),
             "checks": c.checks.map(checkName).joined(separator: ", ")]
        }
        let rest = result.contacts.count - listed.count
        let body: [String: Any] = [
            "heading": words["stale.title"],
            "gate": gate,
            "waiver_notices": WaiverNotices(match: result.waivers, words: words, format: format, checkName: checkName).context,
            "waived": waived.rows.isEmpty ? false as Any : ["rows": waived.rows,
                                                            "rest": waived.rest > 0 ? words.fill("stale.rest", ["n": format.count(Double(waived.rest))]) : false as Any],
            "waived_text": words.fill("stale.waived_text", ["n": format.count(Double(audit.waived))]),
            "h_waived": words["consent.h_waived"], "h_reason": words["consent.reason"], "h_accepted_by": words["consent.accepted_by"],
            "h_expires": words["consent.expires"], "h_key": words["consent.key"], "h_check_name": words["stale.check"],

            "lead": words.fill("stale.lead", ["base": format.count(Double(audit.base)), "previous": format.count(Double(audit.previousBase))]),
            "checks": checks,
            "sources_chart": byID["stale-sources"].map { figureContext($0, tableTitle: words["stale.table"]) } ?? false,
            "sources": sources, "has_sources": !sources.isEmpty,
            "contacts": contacts, "has_contacts": !contacts.isEmpty,
            "rest": rest > 0 ? words.fill("stale.rest", ["n": format.count(Double(rest))]) : "",
            "masked": showPII ? words["stale.unmasked"] : words["stale.masked"],
            "none": words["stale.none"],
            "h_check": words["stale.check"], "h_count": words["stale.count"], "h_share": words["stale.share"],
            "h_previous": words["stale.previous"], "h_severity": words["stale.severity"], "h_action": words["stale.action"],
            "h_sources": words["stale.sources"], "h_source": words["stale.source"], "h_contacts": words["stale.contacts"],
            "h_flagged": words["stale.flagged"], "h_flagged_share": words["stale.flagged_share"], "h_list": words["stale.list"], "h_id": words["stale.id"],
            "h_email": words["stale.email"], "h_phone": words["stale.phone"], "h_findings": words["stale.findings"],
            "csv": words["stale.csv"],
            "definitions_title": words["stale.definitions"],
            "definitions": StaleChecks.all.map { c in
                let d = type(of: c).description
                return ["label": text(d.name), "text": "\(text(d.summary)) (\(d.basis))"]
            },
        ]
        return frame.context(page: AuditContactsSection.file, title: "\(words["stale.title"]) · \(frame.period.label)", body: body)
    }
}
