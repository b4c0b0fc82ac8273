import CRMData
import Foundation
import Results

/// The suppression list as CSV (outputs.md): `channel,address,contact_id,reason,since`, through
/// the project's CSV writer (formula guard, RFC 4180 quoting); `since` in the configured zone
/// with its offset. With `hashed`, each address is the lower-case hex SHA-256 of its normalized
/// form, as ad and mailing platforms match lists.
public enum SuppressionCSV {
    public static func data(_ list: SuppressionList, zone: ZoneClock, hashed: Bool) throws -> Data {
        var csv = CSVText(header: ["channel", "address", "contact_id", "reason", "since"])
        for r in list.rows {
            csv.cell(r.channel.name)
            csv.cell(hashed ? try SHA256.hex(of: r.address.utf8) : r.address)
            csv.cell(r.contactID)
            csv.cell(r.reason.rawValue)
            csv.cell(r.since.map { LocalTime.iso($0, zone: zone) } ?? "")
            csv.endRow()
        }
        return csv.data
    }
}
