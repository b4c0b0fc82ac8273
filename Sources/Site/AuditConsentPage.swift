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
        context.results.audits.consent.map {
            AuditConsentPage(result: $0, frame: context.frame, zone: context.results.zone, showPII: context.config.showPII)
        }
    }

    static func charts(_ context: SectionContext) -> [RenderedChart] { page(context)?.charts() ?? [] }

    static func viewModel(_ context: SectionContext, charts: [RenderedChart]) -> [String: Any] {
        guard let page = page(context) else {
            let words = context.words
            return context.frame.context(page: file, title: words["consent.title"],
                                         body: ["heading": words["consent.title"], "unavailable": notRun(context)])
        }
        return page.context(charts: charts)
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
        guard let result = context.results.audits.consent else { return [] }
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

    /// Every check: its findings (waived included), what it judged, severity, legal basis, what to do.
    var checks: [[String: Any]] {
        ConsentChecks.all.map { check in
            let d = check.description
            let severity = audit.policy.severity(of: d.identifier)
            return ["check_id": d.identifier, "name": text(d.name), "action": text(d.action),
                    "basis": LegalBasis.text(d.basis, locale: words.locale),
                    "severity": words["severity.\(severity.rawValue)"], "severity_id": severity.rawValue,
                    "count": count(audit.counts[d.identifier] ?? 0), "has_findings": (audit.counts[d.identifier] ?? 0) > 0,
                    "judged": words.fill("consent.judged_\(Self.populationKey(check.population))",
                                         ["n": count(audit.judged[d.identifier] ?? 0)])]
        }
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

    /// Message-level findings by check (rows) and channel (columns: few, so the table stays narrow), waived included.
    var channels: (headers: [String], rows: [[String: Any]]) {
        let names = Set(audit.byChannel.values.flatMap(\.keys)).sorted()
        let rows: [[String: Any]] = ConsentChecks.descriptions.compactMap { d in
            guard let counts = audit.byChannel[d.identifier] else { return nil }
            return ["name": text(d.name), "cells": names.map { ["channel": $0, "count": count(counts[$0] ?? 0)] }]
        }
        return (names, rows)
    }

    /// The waivers that expired and those that match nothing, each list with a sentence saying what it means.
    func waiverNotices(_ evidence: AuditConsentEvidence) -> [[String: Any]] {
        [("expired-waivers", "expired", audit.waivers.expired), ("unmatched-waivers", "unmatched", audit.waivers.unmatched)]
            .compactMap { anchor, key, list in
                list.isEmpty ? nil : ["anchor": anchor, "heading": words.fill("consent.h_\(key)", ["n": count(list.count)]),
                                      "text": words["consent.\(key)_text"], "rows": list.map(evidence.waiverRow)]
            }
    }

    func context(charts: [RenderedChart]) -> [String: Any] {
        let byID = Dictionary(charts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let evidence = AuditConsentEvidence(page: self)
        let listed = evidence.listed
        let waived = evidence.waived
        let channels = self.channels
        let campaigns = self.campaigns
        let body: [String: Any] = [
            "heading": words["consent.title"],
            "lead": words["consent.lead"],
            "verdict": verdict, "verdict_sentence": verdictSentence,
            "waiver_notices": waiverNotices(evidence),
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
                ["label": text(d.name), "text": "\(text(d.summary)) (\(LegalBasis.text(d.basis, locale: words.locale)))"]
            },
        ]
        return frame.context(page: AuditConsentSection.file, title: "\(words["consent.title"]) · \(frame.period.label)", body: body)
    }
}
