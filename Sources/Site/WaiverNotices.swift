import Audits
import Formatting

/// The waivers of an audit that expired and those that match nothing, as both audit pages
/// list them: each list with a heading, a sentence saying what it means, and the entries as
/// the waiver file gave them.
struct WaiverNotices {
    let match: WaiverMatch
    let words: Words
    let format: NumberFormat
    let checkName: (String) -> String

    var context: [[String: Any]] {
        [("expired-waivers", "expired", match.expired), ("unmatched-waivers", "unmatched", match.unmatched)]
            .compactMap { anchor, key, list in
                list.isEmpty ? nil : ["anchor": anchor, "heading": words.fill("consent.h_\(key)", ["n": format.count(Double(list.count))]),
                                      "text": words["consent.\(key)_text"], "rows": list.map(row)]
            }
    }

    /// An expired or unmatched waiver as the waiver file gave it.
    func row(_ w: Waiver) -> [String: Any] {
        ["key_label": w.key.description, "name": checkName(w.key.check), "reason": w.reason, "accepted_label": w.acceptedBy,
         "expires_label": format.date(day: w.expires)]
    }
}
