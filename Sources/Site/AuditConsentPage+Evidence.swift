import Audits
import Results

/// The evidence lists of audit-consent.html: unwaived findings (violations first, then
/// warnings and info, each in the audit's order) and the waived ones apart with their waiver,
/// both capped at `AuditConsentSection.pageLimit`. Identifiers and moments go under `_label`
/// keys: they name things, they are not figures of the results.
struct AuditConsentEvidence {
    let page: AuditConsentPage

    typealias Evidence = ConsentAuditResult.Evidence

    var listed: (rows: [[String: Any]], rest: Int) {
        let unwaived = page.result.evidence.filter { $0.waiver == nil }
        // A stable sort: within a severity the audit's order (check id, message id, contact id) stays.
        let ordered = unwaived.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
        return cap(ordered)
    }

    var waived: (rows: [[String: Any]], rest: Int) { cap(page.result.evidence.filter { $0.waiver != nil }) }

    func cap(_ list: [Evidence]) -> (rows: [[String: Any]], rest: Int) {
        let shown = list.prefix(AuditConsentSection.pageLimit)
        return (shown.map(row), list.count - shown.count)
    }

    /// One finding: what, which message to whom, and the consent event that decided it.
    func row(_ e: Evidence) -> [String: Any] {
        let words = page.words
        var r: [String: Any] = [
            "name": page.checkName(e.check), "check_id": e.check,
            "severity": words["severity.\(e.severity.rawValue)"], "severity_id": e.severity.rawValue,
            "key_label": e.key,
            "message_label": e.messageID.map { "#\($0)" } ?? "—",
            "contact_label": "#\(e.contactID)",
            "email": PersonalData.email(e.email, show: page.showPII), "phone": PersonalData.phone(e.phone, show: page.showPII),
            "campaign_label": e.campaignID.map { id in e.campaignName.map { "\($0) (#\(id))" } ?? "#\(id)" } ?? "—",
            "channel": e.channel ?? "—",
            "sent_label": e.sentAt == nil ? "—" : page.when(e.sentAt),
        ]
        if let id = e.eventID {
            let action = e.eventAction.map { words["consent.action_\($0)"] } ?? ""
            r["event_label"] = "#\(id) \(action)"
            r["event_time_label"] = page.when(e.eventAt)
            r["proof"] = [words[e.eventHasSource ? "consent.has_source" : "consent.no_source"],
                          words[e.eventHasEvidence ? "consent.has_evidence" : "consent.no_evidence"]].joined(separator: ", ")
            r["proof_ok"] = e.eventHasSource && e.eventHasEvidence
        } else {
            r["event_label"] = words["consent.no_event"]
        }
        if let u = e.unsubscribeMessageID { r["unsubscribe_label"] = words.fill("consent.via", ["id": "#\(u)"]) }
        if let w = e.waiver {
            r["reason"] = w.reason
            r["accepted_label"] = w.acceptedBy
            r["expires_label"] = page.format.date(day: w.expires)
        }
        return r
    }

    /// An expired or unmatched waiver as the waiver file gave it.
    func waiverRow(_ w: Waiver) -> [String: Any] {
        ["key_label": w.key.description, "name": page.checkName(w.key.check), "reason": w.reason, "accepted_label": w.acceptedBy,
         "expires_label": page.format.date(day: w.expires)]
    }
}
