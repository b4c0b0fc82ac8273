import Audits
import CRMData
import Foundation
import Results

/// The JSON of `crm-report audit consent|contacts --format json`: the run's provenance first,
/// the audit's section of report.json (its counts, as before), and every finding, waived ones
/// included and marked (`waived_by`); a consent finding with its evidence facts, as in consent.json.
public enum AuditExport {
    public static func consent(_ r: ConsentAuditResult, zone: ZoneClock, showPII: Bool, provenance: ProvenanceDoc) throws -> Data {
        let list = r.evidence
        let findings = JSONValue.List(count: list.count) { i, j in
            ConsentFindingsDoc.Finding(list[i], facts: list.facts(i), zone: zone, showPII: showPII).write(&j)
        }
        return JSONValue.compactDocument(try JSONValueEncoder.encode(ConsentDoc(r)).pairs + [("provenance", try JSONValueEncoder.encode(provenance))],
                                         lists: ["findings": findings])
    }

    /// A stale-contact finding: `contact_id,check,source,waived_by` of stale-contacts.csv.
    struct StaleFinding: Codable {
        var contactID: Int64
        var check: String
        var source: String?
        var waivedBy: String?
        enum CodingKeys: String, CodingKey { case contactID = "contact_id", check, source, waivedBy = "waived_by" }

        /// Field by field, keys sorted, as the generic encoder writes it.
        func write(_ j: inout JSONBytes) {
            j.raw("{")
            j.field(CodingKeys.check, check, first: true)
            j.field(CodingKeys.contactID, contactID)
            j.field(CodingKeys.source, source)
            j.field(CodingKeys.waivedBy, waivedBy)
            j.raw("}")
        }
    }

    public static func stale(_ r: StaleAuditResult, provenance: ProvenanceDoc) throws -> Data {
        let rows = r.rows, waivers = r.waivers
        let findings = JSONValue.List(count: rows.count) { i, j in
            StaleFinding(contactID: rows[i].contactID, check: rows[i].check, source: rows[i].source,
                         waivedBy: waivers.waiver(i)?.key.description).write(&j)
        }
        return JSONValue.compactDocument(try JSONValueEncoder.encode(StaleContactsDoc(r)).pairs + [("provenance", try JSONValueEncoder.encode(provenance))],
                                         lists: ["findings": findings])
    }
}
