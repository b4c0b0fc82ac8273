import Audits

/// The consent page's "Erasure deadlines" section: every erasure clock running at the as-of moment
/// (processing withdrawn, contact not deleted), overdue first, and the deleted contacts still
/// messaged; the same lists as report.json `consent.erasure_deadlines` and `consent.deleted_but_messaged`.
extension AuditConsentPage {
    /// Rows shown on the page; report.json holds them all.
    static let erasureRowsShown = 50

    func erasureSection() -> [String: Any] {
        let clocks = audit.erasureDeadlines, deleted = audit.deletedButMessaged
        let overdue = clocks.filter(\.overdue).count
        let rows: [[String: Any]] = clocks.prefix(Self.erasureRowsShown).map { e in
            ["contact": "#\(e.contactID)", "event": "#\(e.eventID)", "withdrawn": format.date(day: e.withdrawnDay),
             "deadline": format.date(day: e.deadlineDay), "overdue": e.overdue,
             "left": e.overdue ? words.fill("consent.erasure_overdue", ["n": count(-e.daysLeft)])
                 : words.fill("consent.erasure_left", ["n": count(e.daysLeft)])]
        }
        let deletedRows: [[String: Any]] = deleted.prefix(Self.erasureRowsShown).map { d in
            ["contact": "#\(d.contactID)", "deleted": format.date(day: d.deletedDay), "messages": count(d.messages),
             "last": format.date(day: d.lastSentDay)]
        }
        func rest(_ n: Int) -> Any { n > Self.erasureRowsShown ? words.fill("consent.erasure_rest", ["n": count(n - Self.erasureRowsShown)]) : false }
        return [
            "h_erasure": words["consent.h_erasure"],
            "erasure_text": words.fill("consent.erasure_text", ["days": count(audit.erasureDays), "n": count(clocks.count), "overdue": count(overdue)]),
            "erasure_rows": rows, "has_erasure_rows": !rows.isEmpty, "erasure_rest": rest(clocks.count),
            "h_withdrawal": words["consent.withdrawal"], "h_withdrawn": words["consent.withdrawn"], "h_deadline": words["consent.deadline"], "h_left": words["consent.left"],
            "h_deleted_messaged": words["consent.h_deleted_messaged"], "deleted_messaged_text": words["consent.deleted_messaged_text"],
            "deleted_rows": deletedRows, "has_deleted_rows": !deletedRows.isEmpty, "deleted_rest": rest(deleted.count),
            "h_deleted": words["consent.deleted"], "h_messages": words["consent.messages_after"], "h_last": words["consent.last_sent"],
            "erasure_none": words["consent.erasure_none"], "deleted_none": words["consent.deleted_none"],
        ]
    }
}
