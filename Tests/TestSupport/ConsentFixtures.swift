import CRMData
import GRDB

extension FixtureDB {
    /// Inserts rows given by table and column name, as the audits' examples hold them
    /// (text as the CRM would store it; nil is NULL). Tables with no rows are left empty.
    public func insert(rows: [String: [[String: String?]]]) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for (table, list) in rows.sorted(by: { $0.key < $1.key }) {
                for row in list {
                    let columns = row.keys.sorted()
                    let values = columns.map { row[$0] ?? nil }
                    let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
                    try db.execute(sql: sql, arguments: StatementArguments(values.map { $0?.databaseValue ?? .null }))
                }
            }
        }
        try queue.close()
    }
}

extension ReportConfig {
    /// A config with settings given as dotted keys and YAML values (`"consent.grace_days": "1"`),
    /// read through the real config reader.
    public static func with(_ settings: [String: String]) throws -> ReportConfig {
        var config = ReportConfig()
        guard !settings.isEmpty else { return config }
        var sections: [String: [String]] = [:]
        for (key, value) in settings {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                sections[parts[0], default: []].append("  \(parts[1]): \(value)")
            } else {
                sections[key, default: []].append(value)
            }
        }
        let yaml = sections.keys.sorted().map { section in
            let lines = (sections[section] ?? []).sorted()
            return lines.first?.hasPrefix("  ") == true ? "\(section):\n" + lines.joined(separator: "\n") : "\(section): \(lines.joined())"
        }.joined(separator: "\n")
        try ConfigFile.apply(yaml: yaml, source: "example", to: &config)
        return config
    }
}
