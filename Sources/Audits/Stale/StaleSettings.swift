import CRMData

/// The `stale.*` config, read once per run.
public struct StaleSettings: Sendable {
    public let validation: ValidationSettings
    public let verifyDays: Int
    public let dormantDaysB2C: Int
    public let dormantDaysB2B: Int
    /// Severity overrides by check id (`stale.severity`); unknown spellings are ignored here
    /// because the config reader already rejects them.
    public let severity: [String: Severity]

    public init(config: ReportConfig) {
        validation = ValidationSettings(config: config)
        verifyDays = config.staleVerifyDays
        dormantDaysB2C = config.staleDormantDaysB2C
        dormantDaysB2B = config.staleDormantDaysB2B
        severity = config.staleSeverity.compactMapValues(Severity.init(rawValue:))
    }

    /// The severity of a check in this run: config's override or the check's default.
    public func severity(of check: CheckDescription) -> Severity { severity[check.identifier] ?? check.severity }
}
