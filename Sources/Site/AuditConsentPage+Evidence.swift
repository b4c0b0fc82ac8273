import Audits
import Results

/// The evidence lists of audit-consent.html: unwaived findings (violations first, then
/// warnings and info) and the waived ones apart with their waiver, both capped at
/// `AuditConsentSection.pageLimit`. Identifiers and moments go under `_label` keys: they name
/// things, they are not figures of the results.
struct AuditConsentEvidence {
    let page: AuditConsentPage

    typealias Evidence = ConsentAuditResult.Evidence

    /// Grouped by severity (violations first) and check (registry order); the cap is shared fairly
    /// among the checks, so a check with thousands of findings does not hide the others' examples.
    /// Findings are picked by index and only the shown ones resolved (there may be hundreds of thousands).
    var listed: (rows: [[String: Any]], rest: Int) {
        let list = page.result.evidence
        let unwaived = list.indices.filter { !list.isWaived($0) }
        let order = ConsentChecks.descriptions.map(\.identifier)
        let byCheck = Dictionary(grouping: unwaived, by: list.check)
        let groups = order.compactMap { byCheck[$0] }.enumerated()
            .sorted { (list.severity($0.element[0]), -$0.offset) > (list.severity($1.element[0]), -$1.offset) }.map(\.element)
        let quotas = Self.fairShares(groups.map(\.count), total: AuditConsentSection.pageLimit)
        let shown = zip(groups, quotas).flatMap { $0.prefix($1) }
        return (shown.map { row($0) }, unwaived.count - shown.count)
    }

    /// Splits `total` rows among groups of the given sizes: every group gets the same quota (less
    /// if it is smaller), and what is left goes one each to the first groups that have more.
    static func fairShares(_ sizes: [Int], total: Int) -> [Int] {
        var quota = 0
        while quota < (sizes.max() ?? 0), sizes.reduce(0, { $0 + min($1, quota + 1) }) <= total { quota += 1 }
        var shares = sizes.map { min($0, quota) }
        var left = total - shares.reduce(0, +)
        for i in shares.indices where left > 0 && sizes[i] > shares[i] {
            shares[i] += 1
            left -= 1
        }
        return shares
    }

    var waived: (rows: [[String: Any]], rest: Int) {
        let list = page.result.evidence
        let waived = list.indices.filter { list.isWaived($0) }
        let shown = waived.prefix(AuditConsentSection.pageLimit)
        return (shown.map { row($0) }, waived.count - shown.count)
    }

    /// Finding `i`: what, which message to whom, the consent event that decided it, and its facts.
    func row(_ i: Int) -> [String: Any] {
        let e = page.result.evidence[i]
        let words = page.words
        var r: [String: Any] = [
            "name": page.checkName(e.check), "check_id": e.check,
            "severity": words["severity.\(e.severity.rawValue)"], "severity_id": e.severity.rawValue,
            "key_label": e.key,
            "message_label": e.messageID.map { "#\($0)" } ?? "—",
            "contact_label": "#\(e.contactID)",
            "campaign_label": e.campaignID.map { id in e.campaignName.map { "\($0) (#\(id))" } ?? "#\(id)" } ?? "—",
            "channel": e.channel ?? "",
        ]
        // Mustache takes an empty string for true: a key is set only when there is something to show.
        if let sent = e.sentAt { r["sent_label"] = page.when(sent) }
        // Blank contact data is left out: the template shows a line only for what is there.
        if let email = PersonalData.email(e.email, show: page.showPII).nilIfBlank { r["email"] = email }
        if let phone = PersonalData.phone(e.phone, show: page.showPII).nilIfBlank { r["phone"] = phone }
        if let id = e.eventID {
            let action = e.eventAction.map { words["consent.action_\($0)"] } ?? ""
            r["event_label"] = "#\(id) \(action)"
            if let at = e.eventAt { r["event_time_label"] = page.when(at) }
            // The proof as recorded. Evidence may hold an IP address or a token: shown with --show-pii.
            let source = e.eventSource.map { words.fill("consent.source", ["source": $0]) } ?? words["consent.no_source"]
            let evidence = e.eventEvidence.map {
                page.showPII ? words.fill("consent.evidence", ["evidence": $0]) : words["consent.evidence_hidden"]
            } ?? words["consent.no_evidence"]
            r["proof"] = "\(source) · \(evidence)"
            r["proof_ok"] = e.eventSource != nil && e.eventEvidence != nil
        } else if let u = e.unsubscribeMessageID {
            // unrecorded_unsubscribe is decided by the unsubscribe, not by a consent event.
            r["event_label"] = words.fill("consent.via", ["id": "#\(u)"])
        } else {
            // What an absence means depends on the check: a deletion, no grant ever, no processing grant.
            r["event_label"] = words["consent.absent_\(e.check)", or: "consent.no_event"]
        }
        r["facts"] = facts(e, page.result.evidence.facts(i))
        if let w = e.waiver {
            r["reason"] = w.reason
            r["accepted_label"] = w.acceptedBy
            r["expires_label"] = page.format.date(day: w.expires)
        }
        return r
    }

    /// The finding's evidence facts (metrics.md, "Evidence") in the page's language, but those the
    /// event line already shows (its id, action and time; without an event, the unsubscribing message);
    /// with no event, its facts (and expiry) are left out.
    func facts(_ e: Evidence, _ facts: [EvidenceFact]) -> [[String: String]] {
        let words = page.words
        let shown: Set<EvidenceFact.Name> = e.eventID == nil ? Set(EvidenceFact.Name.event + [.expiresAt, .unsubscribeMessageID])
            : [.eventID, .eventAction, .eventAt]
        // An expiry is worth a line only where there is one; the exports say null.
        return facts.filter { !shown.contains($0.name) && !($0.name == .expiresAt && $0.value == .none) }.map { fact in
            let value: String
            switch fact.value {
            case .id(let id): value = "#\(id)"
            case .moment(let t): value = page.when(t)
            case .day(let d): value = page.format.date(day: d)
            case .number(let n): value = page.count(n)
            case .word(let w): value = words["consent.word_\(w)", or: "consent.word"].replacingOccurrences(of: "{word}", with: w)
            case .none: value = words[fact.name == .eventChannel ? "consent.every_channel" : "consent.not_recorded"]
            }
            return ["fact_label": words["consent.fact_\(fact.name.rawValue)"], "fact_value_label": value]
        }
    }
}

extension String {
    /// nil for an empty or all-blank string.
    var nilIfBlank: String? { allSatisfy(\.isWhitespace) ? nil : self }
}
