import CRMData

/// The gating settings of one audit: each check's severity (its default, or the config's
/// override), its threshold, if any, and the checks allowed not to run (`skip`). Made once from
/// the config; a severity, threshold or skip for a check id the audit does not have is a
/// `CRMError` naming the key, so a typo never silently gates nothing.
public struct GatePolicy: Sendable, Equatable {
    public private(set) var severities: [String: Severity]
    public private(set) var thresholds: [String: Threshold]
    /// The config's overrides alone, by check id (what the pages list as "overrides").
    public private(set) var overrides: [String: Severity]
    /// Checks that may be left unrun (their tables absent) without failing the gate.
    public private(set) var skips: Set<String>

    /// - Parameters:
    ///   - checks: the audit's check descriptions (their ids and default severities).
    ///   - severity: config overrides by check id (`violation`, `warning`, `info`).
    ///   - thresholds: config thresholds by check id.
    ///   - section: the config section, for messages (`consent`, `stale`).
    ///   - skip: config `skip`: check ids allowed not to run.
    public init(checks: [CheckDescription], severity: [String: String] = [:], thresholds: [String: Threshold] = [:],
                skip: [String] = [], section: String) throws {
        let known = checks.map(\.identifier)
        func unknown(_ key: String) -> CRMError {
            CRMError("config: \(section).\(key): unknown check (known here: \(known.joined(separator: ", ")))")
        }
        var severities = Dictionary(checks.map { ($0.identifier, $0.severity) }, uniquingKeysWith: { a, _ in a })
        var overrides: [String: Severity] = [:]
        for (id, text) in severity.sorted(by: { $0.key < $1.key }) {
            guard severities[id] != nil else { throw unknown("severity.\(id)") }
            guard let s = Severity(rawValue: text) else {
                throw CRMError("config: \(section).severity.\(id): must be one of violation, warning, info, got '\(text)'")
            }
            severities[id] = s
            overrides[id] = s
        }
        for id in thresholds.keys.sorted() where severities[id] == nil { throw unknown("thresholds.\(id)") }
        for id in skip.sorted() where severities[id] == nil { throw unknown("skip.\(id)") }
        self.severities = severities
        self.thresholds = thresholds
        self.overrides = overrides
        skips = Set(skip)
    }

    /// Whether the policy knows the check (it is one of its audit's).
    public func knows(_ check: String) -> Bool { severities[check] != nil }

    /// The effective severity of a check (`.warning` for an id the policy does not know).
    public func severity(of check: String) -> Severity { severities[check] ?? .warning }

    /// Both audits' policies as one, for a run that gates on both (check ids are distinct).
    public func merging(_ other: GatePolicy) -> GatePolicy {
        var merged = self
        merged.severities.merge(other.severities) { a, _ in a }
        merged.thresholds.merge(other.thresholds) { a, _ in a }
        merged.overrides.merge(other.overrides) { a, _ in a }
        merged.skips.formUnion(other.skips)
        return merged
    }
}
