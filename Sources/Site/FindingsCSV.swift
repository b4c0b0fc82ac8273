import Audits
import CRMData
import Formatting
import Foundation
import Results

/// The audits' findings files (outputs.md, "Findings CSV"): one line per finding, sorted by the
/// first columns, formula-safe. The pages link them; `crm-report audit --format csv` prints them.
public enum FindingsCSV {
    /// findings/stale-contacts.csv: `contact_id,check,source`.
    public static func staleContacts(_ r: StaleAuditResult) -> CSVText {
        var csv = CSVText(header: ["contact_id", "check", "source"])
        for row in r.rows {
            csv.cell(row.contactID)
            csv.cell(row.check)
            csv.cell(row.source ?? "")
            csv.endRow()
        }
        return csv
    }

    /// findings/consent.csv: `check,severity,message_id,contact_id,campaign_id,channel,sent_at,deciding_event_id`;
    /// one row per finding, waived included, in the audit's order (check, then message id with
    /// contact-level findings first, contact id): the order of the first columns, since a check has
    /// one severity. Contact-level checks leave the message columns empty; `sent_at` is ISO-8601 in
    /// the report's zone with its offset.
    public static func consent(_ r: ConsentAuditResult, zone: ZoneClock) -> CSVText {
        var csv = CSVText(header: ["check", "severity", "message_id", "contact_id", "campaign_id", "channel", "sent_at", "deciding_event_id"])
        for e in r.evidence {
            csv.cell(e.check)
            csv.cell(e.severity.rawValue)
            csv.cell(e.messageID)
            csv.cell(e.contactID)
            csv.cell(e.campaignID)
            csv.cell(e.channel ?? "")
            csv.cell(e.sentAt.map { LocalTime.iso($0, zone: zone) } ?? "")
            csv.cell(e.eventID)
            csv.endRow()
        }
        return csv
    }
}
