import CRMData

/// The gating settings of one audit: each check's severity (its default, or the config's
/// override) and its threshold, if any. Made once from the config; a severity or threshold
/// for a check id the audit does not have is a `CRMError` naming the key, so a typo never
/// silently gates nothing.
public struct GatePolicy: Sendable, Equatable {
    public private(set) var severities: [String: Severity]
    public private(set) var thresholds: [String: Threshold]

    /// - Parameters:
    ///   - checks: the audit's check descriptions (their ids and default severities).
    ///   - severity: config overrides by check id (`violation`, `warning`, `info`).
    ///   - thresholds: config thresholds by check id.
    ///   - section: the config section, for messages (`consent`, `stale`).
    public init(checks: [CheckDescription], severity: [String: String] = [:], thresholds: [String: Threshold] = [:],
                section: String) throws {
        let known = checks.map(\.identifier)
        func unknown(_ key: String) -> CRMError {
            CRMError("config: \(section).\(key): unknown check (known here: \(known.joined(separator: ", ")))")
        }
        var severities = Dictionary(checks.map { ($0.identifier, $0.severity) }, uniquingKeysWith: { a, _ in a })
        for (id, text) in severity.sorted(by: { $0.key < $1.key }) {
            guard severities[id] != nil else { throw unknown("severity.\(id)") }
            guard let s = Severity(rawValue: text) else {
                throw CRMError("config: \(section).severity.\(id): must be one of violation, warning, info, got '\(text)'")
            }
            severities[id] = s
        }
        for id in thresholds.keys.sorted() where severities[id] == nil { throw unknown("thresholds.\(id)") }
        self.severities = severities
        self.thresholds = thresholds
    }

    /// The effective severity of a check (`.warning` for an id the policy does not know).
    public func severity(of check: String) -> Severity { severities[check] ?? .warning }

    /// Both audits' policies as one, for a run that gates on both (check ids are distinct).
    public func merging(_ other: GatePolicy) -> GatePolicy {
        var merged = self
        merged.severities.merge(other.severities) { a, _ in a }
        merged.thresholds.merge(other.thresholds) { a, _ in a }
        return merged
    }
}
