/// The e-mail and phone of every contact visible at the as-of moment, as typed: what a lookup
/// (`crm-report contact --email`) searches before the snapshot is read for one person only.
public struct ContactKeys: Sendable {
    public var id: [Int64] = []
    public var email: [String?] = []
    public var phone: [String?] = []
    public var pushToken: [String?] = []
    public init() {}
    public var count: Int { id.count }

    /// `SELECT id, email, phone, created_at, push_token FROM contacts`: rows created before A, in stored order.
    /// A row whose id or creation time is unreadable is left out (the scoped read counts it as bad).
    /// The push tokens only with `pushTokens` (nil otherwise).
    static func read<Source: TableSource>(_ source: Source, present: Set<String>, parser: TimestampParser, asOf: Instant,
                                          pushTokens: Bool) throws -> ContactKeys {
        let wanted = ["id", "email", "phone", "created_at"] + (pushTokens ? ["push_token"] : [])
        let columns: [ColumnRequest] = (wanted + (pushTokens ? [] : ["push_token"])).map { present.contains($0) && wanted.contains($0) ? .named($0) : .absent }
        var rows = try source.rows(of: ContactTable.tableName, columns)
        var keys = ContactKeys()
        while try rows.next() {
            guard case .value(let id) = rows.integer(0), let t = rows.text(3), let at = parser.parse(t), at < asOf else { continue }
            keys.id.append(id)
            keys.email.append(rows.string(1))
            keys.phone.append(rows.string(2))
            keys.pushToken.append(rows.string(4))
        }
        return keys
    }
}

/// Which contacts a scoped read keeps (`SnapshotReader.read(scope:)`): their `contacts` rows and
/// the rows of every table that refers to them; the tables that refer to no contact (campaigns,
/// pipeline stages, acquisition costs) are read whole. The rules of the read (as-of cut, bad rows)
/// are those of a whole read, applied to these rows: a row that is bad only because another
/// contact's row shares its id is not seen as such.
public struct ContactScope: Sendable, Equatable {
    /// The contact the read is for, and every contact read with it (it included).
    public let subject: Int64
    public let ids: [Int64]

    public init(subject: Int64, others: [Int64] = []) {
        self.subject = subject
        ids = Array(Set([subject] + others)).sorted()
    }

    /// The SQL condition of each table's scan (the ids are integers, written in the text).
    func filters(present: [String: [String]]) -> [String: String] {
        let list = "(" + ids.map(String.init).joined(separator: ",") + ")"
        var f: [String: String] = ["contacts": "id IN \(list)"]
        for table in ["orders", "deals", "campaign_members", "messages", "consents", "interactions"] {
            f[table] = present[table]?.contains("contact_id") == true ? "contact_id IN \(list)" : "0"
        }
        f["deal_stages"] = present["deals"]?.contains("contact_id") == true ? "deal_id IN (SELECT id FROM deals WHERE contact_id IN \(list))" : "0"
        return f
    }
}
