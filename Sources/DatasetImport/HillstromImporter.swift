import CRMData
import Foundation
import GRDB

/// Kevin Hillstrom's MineThatData e-mail experiment (2008; `Tests/Data/hillstrom`):
/// 64,000 customers split at random into a Mens e-mail, a Womens e-mail and no e-mail,
/// with visits, conversions and spend tracked for two weeks after the send.
///
/// How it maps to the contract, and why:
/// - **One contact per row** (id = the row's number, 1-based, in file order). `region` is
///   `zip_code`; the file's `channel` (where they bought in the past year) is not an
///   acquisition source, so `source` stays empty. `created_at` is a year before the send:
///   the file holds customers who bought within the last twelve months.
/// - **Two campaigns**: 1 "Mens E-Mail" and 2 "Womens E-Mail", channel `email`, kind `promo`,
///   `window_days` 14 (the two weeks of tracking), cost unknown (NULL). The file does not
///   give the send date; both start at `sendDate` (2008-03-03 00:00 UTC, a Monday shortly
///   before the challenge was published), and every member is assigned at that moment.
/// - **Arms**: each e-mail row is a treatment member of its campaign. The No E-Mail customers
///   are the control arm of **both** campaigns (two member rows each), as in the published
///   analyses, which compare each e-mail with the same No E-Mail group. The report treats
///   campaigns independently, so a control customer's order counts as the control outcome
///   of each campaign; nothing is double-counted within a comparison, but the two
///   campaigns' results share their control group and are not independent of each other.
/// - **Outcomes**: each converted customer gets one completed order of amount `spend`, in
///   the middle of the window (send + 7 days, 12:00); every converter has spend > 0 in this
///   file. Customers who did not convert get no order. There is no purchase history
///   before the send, so persistence after the window is empty by construction.
/// - **No messages**: the file records no deliveries, opens or clicks (`visit` is a site
///   visit, not a click on the e-mail), so the message funnel says none were recorded rather
///   than invent delivery figures.
public enum HillstromImporter: DatasetImporter {
    public static let name = "hillstrom"
    public static let summary = "Hillstrom MineThatData e-mail experiment (2008): two e-mail campaigns against one No E-Mail control group"

    /// The assumed send moment of both e-mails.
    public static let sendDate = "2008-03-03 00:00:00"
    static let orderTime = "2008-03-10 12:00:00"
    static let createdAt = "2007-03-03 00:00:00"
    static let campaigns: [(id: Int, segment: String)] = [(1, "Mens E-Mail"), (2, "Womens E-Mail")]
    static let controlSegment = "No E-Mail"
    static let columns = ["recency", "history_segment", "history", "mens", "womens", "zip_code", "newbie", "channel",
                          "segment", "visit", "conversion", "spend"]

    public static func load(from folder: URL, into db: Database) throws -> String {
        let (csv, file) = try CSVBytes.read("hillstrom.csv", in: folder)
        guard csv.header() == columns else {
            throw CRMError("import hillstrom: \(file.path) does not have the expected columns \(columns.joined(separator: ","))")
        }
        let segmentIndex = columns.firstIndex(of: "segment") ?? 8
        let zipIndex = columns.firstIndex(of: "zip_code") ?? 5
        let conversionIndex = columns.firstIndex(of: "conversion") ?? 10
        let spendIndex = columns.firstIndex(of: "spend") ?? 11

        for c in campaigns {
            try db.execute(sql: "INSERT INTO campaigns (id, name, channel, kind, started_at, cost, window_days) VALUES (?, ?, 'email', 'promo', ?, NULL, 14)",
                           arguments: [c.id, c.segment, sendDate])
        }
        let contact = try db.makeStatement(sql: "INSERT INTO contacts (id, created_at, region, segment) VALUES (?, ?, ?, 'b2c')")
        let member = try db.makeStatement(sql: "INSERT INTO campaign_members (campaign_id, contact_id, arm, assigned_at) VALUES (?, ?, ?, ?)")
        let order = try db.makeStatement(sql: "INSERT INTO orders (id, contact_id, ordered_at, amount, status) VALUES (?, ?, ?, ?, 'completed')")

        var id = 0, members = 0, orders = 0
        try csv.forEachRow { row, line in
            id += 1
            let name = file.lastPathComponent
            guard row.count == columns.count else {
                throw ImportProblem.shortRow(name, line: line, fields: row.count, expected: columns.count)
            }
            let segment = row.string(segmentIndex) ?? ""
            let arms: [(campaign: Int, arm: String)]
            if segment == controlSegment {
                arms = campaigns.map { ($0.id, "control") }
            } else if let c = campaigns.first(where: { $0.segment == segment }) {
                arms = [(c.id, "treatment")]
            } else {
                throw ImportProblem.value(name, line: line, "segment", segment,
                                          expected: ([controlSegment] + campaigns.map(\.segment)).joined(separator: ", "))
            }
            guard let converted = row.text(conversionIndex).flatMap({ Int($0) }), converted == 0 || converted == 1 else {
                throw ImportProblem.value(name, line: line, "conversion", row.string(conversionIndex), expected: "0 or 1")
            }
            guard let spend = row.double(spendIndex), spend.isFinite, spend >= 0, spend < Money.limit else {
                throw ImportProblem.value(name, line: line, "spend", row.string(spendIndex), expected: "an amount of 0 or more")
            }
            try contact.execute(arguments: [id, createdAt, row.string(zipIndex)])
            for a in arms {
                try member.execute(arguments: [a.campaign, id, a.arm, sendDate])
                members += 1
            }
            if converted == 1 {
                orders += 1
                try order.execute(arguments: [orders, id, orderTime, spend])
            }
        }
        return "\(id) contacts, \(campaigns.count) campaigns (\(campaigns.map(\.segment).joined(separator: ", ")) against \(controlSegment)), \(members) campaign members, \(orders) orders"
    }
}
