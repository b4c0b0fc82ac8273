import CRMData
import Foundation

extension FixtureDB {
    /// Inserts rows given by table, each row its columns by contract name with text as the CRM
    /// would store it (nil: NULL), tables in name order. SQLite's column affinity turns "1" into
    /// an integer and "10.5" into a real, as in a real export.
    public func insert(rows: [String: [[String: String?]]]) throws {
        for table in rows.keys.sorted() {
            for row in rows[table] ?? [] {
                let names = row.keys.sorted()
                let values = names.map { name in row[name].flatMap { $0 }.map(Self.literal) ?? "NULL" }
                try execute("INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))")
            }
        }
    }

    /// A SQL text literal (test data only, never user input).
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}

extension ReportConfig {
    /// The default config with settings given as dotted config keys and YAML values,
    /// e.g. `["stale.role_addresses": "[desk]"]`, applied through the real config reader.
    public static func applying(_ settings: [String: String]) throws -> ReportConfig {
        var config = ReportConfig()
        guard !settings.isEmpty else { return config }
        var sections: [String: [String]] = [:]
        for (key, value) in settings {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw CRMError("fixture: config key \(key) has no section") }
            sections[parts[0], default: []].append("  \(parts[1]): \(value)")
        }
        let yaml = sections.keys.sorted().map { "\($0):\n" + (sections[$0] ?? []).sorted().joined(separator: "\n") }
            .joined(separator: "\n")
        try ConfigFile.apply(yaml: yaml, to: &config)
        return config
    }
}
