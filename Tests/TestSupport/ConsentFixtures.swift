import CRMData
import GRDB

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
