import Audits
import CRMData
import Formatting
import Foundation
import Results

/// The audits' findings files (outputs.md, "Findings CSV"): one line per finding, sorted by the
/// first columns, formula-safe. The pages link them; `crm-report audit --format csv` prints them.
public enum FindingsCSV {
    /// findings/stale-contacts.csv: `contact_id,check,source,waived_by`; `waived_by` is the key of
    /// the waiver covering the finding (the audit's own match), or empty.
    public static func staleContacts(_ r: StaleAuditResult) -> CSVText {
        var csv = CSVText(header: ["contact_id", "check", "source", "waived_by"])
        for (i, row) in r.rows.enumerated() {
            csv.cell(row.contactID)
            csv.cell(row.check)
            csv.cell(row.source ?? "")
            csv.cell(r.waivers.waiver(i)?.key.description ?? "")
            csv.endRow()
        }
        return csv
    }

    /// findings/consent.csv: `check,severity,message_id,contact_id,campaign_id,channel,sent_at,deciding_event_id,evidence,waived_by`;
    /// one row per finding, waived included, in the audit's order (check, then message id with
    /// contact-level findings first, contact id): the order of the first columns, since a check has
    /// one severity. Contact-level checks leave the message columns empty; `sent_at` is ISO-8601 in
    /// the report's zone with its offset; `evidence` the deciding facts as `name=value; ...`;
    /// `waived_by` the covering waiver's key, or empty.
    public static func consent(_ r: ConsentAuditResult, zone: ZoneClock) -> CSVText {
        var csv = CSVText(header: ["check", "severity", "message_id", "contact_id", "campaign_id", "channel", "sent_at", "deciding_event_id",
                                   "evidence", "waived_by"])
        for (i, e) in r.evidence.enumerated() {
            csv.cell(e.check)
            csv.cell(e.severity.rawValue)
            csv.cell(e.messageID)
            csv.cell(e.contactID)
            csv.cell(e.campaignID)
            csv.cell(e.channel ?? "")
            csv.cell(e.sentAt.map { LocalTime.iso($0, zone: zone) } ?? "")
            csv.cell(e.eventID)
            csv.cell(r.evidence.facts(i).csvText(zone: zone))
            csv.cell(e.waiver?.key.description ?? "")
            csv.endRow()
        }
        return csv
    }
}
