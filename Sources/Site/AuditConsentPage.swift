import Audits
import Charts
import CRMData
import Foundation
import Formatting
import Reports
import Results

/// audit-consent.html, findings/consent.csv and findings/consent.json: the consent audit's
/// verdict, its checks with their legal basis, where the findings come from (campaigns,
/// channels, weeks), and the evidence a compliance officer shows, finding by finding.
struct AuditConsentSection: ReportSection {
    static let file = "audit-consent.html"
    static let navKey = "nav.audit_consent"
    static let template = "audit-consent"
    /// Findings listed on the page (violations first); the CSV and JSON hold them all.
    static let pageLimit = 200
    /// Campaigns listed in the "by campaign" table; report.json ranks them all.
    static let campaignLimit = 10

    static func page(_ context: SectionContext) -> AuditConsentPage? {
        context.results.audits.consent.flatMap {
            $0.audit.ranAny ? AuditConsentPage(result: $0, frame: context.frame, zone: context.results.zone, showPII: context.config.showPII,
                                               settings: context.results.audits.settings) : nil
        }
    }

    static func charts(_ context: SectionContext) -> [RenderedChart] { page(context)?.charts() ?? [] }

    static func viewModel(_ context: SectionContext, charts: [RenderedChart]) -> [String: Any] {
        let gate = AuditGatePanel(audit: .consent, results: context.results.audits, frame: context.frame).context
        guard let page = page(context) else {
            let words = context.words
            return context.frame.context(page: file, title: words["consent.title"],
                                         body: ["heading": words["consent.title"], "unavailable": notRun(context), "gate": gate])
        }
        return page.context(charts: charts, gate: gate)
    }

    /// Why the audit did not run, in the page's language: the absent table(s) it needs.
    static func notRun(_ context: SectionContext) -> String {
        let words = context.words
        let absent = context.results.dataQuality.notes.compactMap { note -> String? in
            if case .tableAbsent(let t) = note, ["consents", "messages"].contains(t) { return words.reason(note) }
            return nil
        }
        return absent.isEmpty ? words["consent.not_run"] : words.fill("consent.not_run_because", ["reasons": absent.joined(separator: "; ")])
    }

    static func findings(_ context: SectionContext) -> [FindingsFile] {
        guard let result = context.results.audits.consent, result.audit.ranAny else { return [] }
        let zone = context.results.zone, showPII = context.config.showPII
        let provenance = context.frame.provenance, config = context.config
        return [FindingsFile("findings/consent.csv") { FindingsCSV.consent(result, zone: zone).data },
                FindingsFile("findings/consent.json") {
                    try ConsentFindingsDoc.data(result, zone: zone, showPII: showPII, provenance: try ProvenanceDoc(provenance, config: config))
                }]
    }

    static func words(_ locale: ReportLocale) -> [String: String] { locale == .ru ? AuditConsentPage.ru : AuditConsentPage.en }
}

struct AuditConsentPage {
    let result: ConsentAuditResult
    let frame: PageFrame
    let zone: ZoneClock
    let showPII: Bool
    /// The settings in force (nil where a caller left them out).
    var settings: AuditSettings? = nil

    var words: Words { frame.words }
    var format: NumberFormat { frame.format }
    var audit: ConsentAudit { result.audit }

    func text(_ b: Bilingual) -> String { words.text(b) }
    func count(_ n: Int) -> String { format.count(Double(n)) }
    func checkName(_ id: String) -> String {
        ConsentChecks.descriptions.first { $0.identifier == id }.map { text($0.name) } ?? id
    }
    func when(_ instant: Instant) -> String { LocalTime.shown(instant, zone: zone, format: format) }

    func charts() -> [RenderedChart] {
        let points = audit.weekly.map { SeriesPoint(day: $0.startDay, value: Double($0.count)) }
        guard let first = audit.weekly.first, let last = audit.weekly.last else { return [] }
        let subtitle = words.fill("consent.weekly_sub", ["from": format.date(day: first.startDay), "to": format.date(day: last.startDay + 6)])
        return wideAndNarrow({ id, size in
            timeSeriesChart(id: id, title: words["consent.weekly_chart"], subtitle: subtitle, current: points,
                            currentLabel: words["consent.violations"], comparison: nil, comparisonLabel: nil,
                            value: .count, grain: .week, format: format, size: size)
        }, id: "consent-weekly")
    }

    /// The verdict: unwaived findings by severity, the waived apart.
    var verdict: [[String: Any]] {
        [("consent.violations", audit.violations, "bad"), ("consent.warnings", audit.warnings, "warn"),
         ("consent.info", audit.info, "info"), ("consent.waived", audit.waived, "waived")].map { key, n, tone in
            ["label": words[key], "value": count(n), "tone": tone]
        }
    }

    var verdictSentence: String {
        if audit.violations > 0 { return words.fill("consent.verdict_violations", ["n": count(audit.violations)]) }
        if audit.warnings > 0 { return words.fill("consent.verdict_warnings", ["n": count(audit.warnings)]) }
        return words["consent.verdict_clean"]
    }

    /// Every check: its open findings, the waived apart (and those whose waiver expired), its
    /// threshold, what it judged, severity, legal basis, what to do; or why it did not run.
    var checks: [[String: Any]] {
        ConsentChecks.all.map { check in
            let d = check.description, id = d.identifier
            let severity = audit.policy.severity(of: id)
            var row: [String: Any] = ["check_id": id, "name": text(d.name), "action": text(d.action),
                                      "basis": LegalBasis.text(d.basis, locale: words.locale),
                                      "severity": words["severity.\(severity.rawValue)"], "severity_id": severity.rawValue]
            // Mustache takes an empty string for true: a line is set only when there is something to show.
            if let t = audit.policy.thresholds[id] { row["threshold_line"] = words.fill("consent.threshold_line", ["n": AuditGatePanel.thresholdText(t, format: format)]) }
            guard audit.ran(id) else {
                let tables = ConsentChecks.tables(of: check).filter { audit.absentTables[id]?.contains($0) == true }
                row["not_run"] = words.fill(tables.count == 1 ? "gate.reason_table" : "gate.reason_tables", ["tables": tables.joined(separator: ", ")])
                return row
            }
            let open = audit.counts[id] ?? 0, waived = audit.waivedCounts[id] ?? 0, expired = audit.expiredWaiverCounts[id] ?? 0
            row["count"] = count(open)
            row["has_findings"] = open > 0
            if waived > 0 { row["waived_line"] = words.fill("consent.waived_line", ["n": count(waived)]) }
            if expired > 0 { row["expired_line"] = words.fill("consent.expired_count", ["n": count(expired)]) }
            row["judged"] = words.fill("consent.judged_\(Self.populationKey(check.population))", ["n": count(audit.judged[id] ?? 0)])
            return row
        }
    }


    /// The setting a check's definition depends on, as in force for this run (" In force: 10 days.").
    func inForce(_ check: String) -> String {
        guard let s = settings else { return "" }
        let value: String
        switch check {
        case "after_withdrawal", "after_unsubscribe": value = words.fill("consent.in_force_grace", ["n": count(s.graceDays)])
        case "unrecorded_unsubscribe": value = words.fill("consent.in_force_grace", ["n": count(max(s.graceDays, 1))])
        case "not_erased": value = words.fill("consent.in_force_erasure", ["n": count(s.erasureDays)])
        case "old_consent": value = words.fill("consent.in_force_reconfirm", ["n": count(s.reconfirmDays)])
        case "minor": value = words.fill("consent.in_force_min_age", ["n": count(s.minAge)])
        default: return ""
        }
        return " " + value
    }

    static func populationKey(_ p: ConsentPopulation) -> String {
        switch p {
        case .messages: return "messages"
        case .marketingMessages: return "marketing_messages"
        case .unsubscribes: return "unsubscribes"
        case .grants: return "grants"
        case .marketingGrants: return "marketing_grants"
        case .activeMarketingGrants: return "active_grants"
        case .contactsWithPersonalData: return "contacts_pd"
        case .contacts: return "contacts"
        }
    }

    /// The campaigns with the most unwaived violations, each with its findings by check.
    var campaigns: [[String: Any]] {
        let perCheck = Dictionary(grouping: audit.byCampaign, by: \.campaignID)
        return ConsentCampaign.ranked(result).prefix(AuditConsentSection.campaignLimit).map { c in
            let checks = (perCheck[c.campaignID] ?? []).sorted { ($0.count, $1.check) > ($1.count, $0.check) }
            return ["name": c.name ?? "", "campaign_label": "#\(c.campaignID)", "violations": count(c.violations),
                    "findings": count(c.findings),
                    "checks": checks.map { "\(checkName($0.check)) \(count($0.count))" }.joined(separator: " · ")]
        }
    }

    /// Open message-level findings by check (rows) and channel (columns: few, so the table stays narrow).
    var channels: (headers: [String], rows: [[String: Any]]) {
        let names = Set(audit.byChannel.values.flatMap(\.keys)).sorted()
        let rows: [[String: Any]] = ConsentChecks.descriptions.compactMap { d in
            guard let counts = audit.byChannel[d.identifier] else { return nil }
            return ["name": text(d.name), "cells": names.map { ["channel": $0, "count": count(counts[$0] ?? 0)] }]
        }
        return (names, rows)
    }

    /// The waivers that expired and those that match nothing, each list with a sentence saying what it means.
    var waiverNotices: [[String: Any]] { WaiverNotices(match: audit.waivers, words: words, format: format, checkName: checkName).context }

    func context(charts: [RenderedChart], gate: [String: Any]) -> [String: Any] {
        let byID = Dictionary(charts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let evidence = AuditConsentEvidence(page: self)
        let listed = evidence.listed
        let waived = evidence.waived
        let channels = self.channels
        let campaigns = self.campaigns
        let body: [String: Any] = erasureSection().merging([
            "heading": words["consent.title"],
            "lead": words["consent.lead"],
            "gate": gate,
            "verdict": verdict, "verdict_sentence": verdictSentence,
            "waiver_notices": waiverNotices,
            "checks": checks,
            "campaigns": campaigns, "has_campaigns": !campaigns.isEmpty,
            "channel_headers": channels.headers, "channels": channels.rows, "has_channels": !channels.rows.isEmpty,
            "weekly_chart": byID["consent-weekly"].map { figureContext($0, tableTitle: words["consent.table"]) } ?? false,
            "findings": listed.rows, "has_findings": !listed.rows.isEmpty,
            "rest": listed.rest > 0 ? words.fill("consent.rest", ["n": count(listed.rest)]) : false as Any,
            // Nested so its page cap sits under "rest", like the evidence list's.
            "waived": waived.rows.isEmpty ? false as Any : ["rows": waived.rows,
                                                            "rest": waived.rest > 0 ? words.fill("consent.rest", ["n": count(waived.rest)]) : false as Any],
            "waived_text": words.fill("consent.waived_text", ["n": count(audit.waived)]),
            "masked": showPII ? words["consent.unmasked"] : words["consent.masked"],
            "zone_text": words.fill("consent.zone", ["zone": zone.identifier]),
            "none": words["consent.none"],
            "grounds": words["consent.grounds"],
            "csv": words["consent.csv"], "json": words["consent.json"],
            "h_verdict": words["consent.h_verdict"], "h_checks": words["consent.h_checks"], "h_check": words["consent.check"],
"h_count": words["consent.findings"], "h_judged": words["consent.judged"],
            "h_basis": words["consent.basis"], "h_action": words["consent.action"],
            "h_campaigns": words["consent.h_campaigns"], "h_campaign": words["consent.campaign"],
            "h_violations": words["consent.violations"], "h_by_check": words["consent.by_check"],
            "h_channels": words["consent.h_channels"], "h_weekly": words["consent.h_weekly"],
            "h_evidence": words["consent.h_evidence"], "h_message": words["consent.message"], "h_contact": words["consent.contact"],
            "h_event": words["consent.event"],
            "h_waived": words["consent.h_waived"], "h_reason": words["consent.reason"], "h_accepted_by": words["consent.accepted_by"],
            "h_expires": words["consent.expires"], "h_key": words["consent.key"], "h_grounds": words["consent.h_grounds"],
            "definitions_title": words["consent.definitions"],
            "definitions": ConsentChecks.descriptions.map { d in
                ["label": text(d.name), "text": "\(text(d.summary)) (\(LegalBasis.text(d.basis, locale: words.locale)))" + inForce(d.identifier)]
            },
        ]) { _, new in new }
        return frame.context(page: AuditConsentSection.file, title: "\(words["consent.title"]) · \(frame.period.label)", body: body)
    }
}
