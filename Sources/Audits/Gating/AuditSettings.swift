import CRMData

/// The audit settings in force for a run, as the audit pages and report.json `settings` state
/// them: what each audit's checks were judged with, and how its gate reads them.
public struct AuditSettings: Sendable, Equatable {
    /// One audit's gating settings: the config's severity overrides, thresholds and skips.
    public struct Gating: Sendable, Equatable {
        public let overrides: [String: Severity]
        public let thresholds: [String: Threshold]
        public let skip: [String]

        public init(_ policy: GatePolicy) {
            overrides = policy.overrides
            thresholds = policy.thresholds
            skip = policy.skips.sorted()
        }
    }

    public let graceDays: Int
    public let erasureDays: Int
    public let reconfirmDays: Int
    public let minAge: Int
    public let verifyDays: Int
    public let dormantDaysB2C: Int
    public let dormantDaysB2B: Int
    public let defaultRegion: String
    public let consent: Gating
    public let stale: Gating
    /// `--fail-on` (nil: the run is not gated).
    public let failOn: Severity?

    public init(config: ReportConfig, consent: GatePolicy, stale: GatePolicy) {
        graceDays = config.consentGraceDays
        erasureDays = config.consentErasureDays
        reconfirmDays = config.consentReconfirmDays
        minAge = config.consentMinAge
        verifyDays = config.staleVerifyDays
        dormantDaysB2C = config.staleDormantDaysB2C
        dormantDaysB2B = config.staleDormantDaysB2B
        defaultRegion = config.staleDefaultRegion
        self.consent = Gating(consent)
        self.stale = Gating(stale)
        failOn = config.failOn.map { $0 == .violation ? .violation : .warning }
    }
}

/// The gate's verdict for a run, as report.json `gate`, the pages and `--junit` state it.
public struct GateVerdict: Sendable, Equatable {
    public enum Result: String, Sendable { case pass, fail, notGated = "not_gated" }

    /// `--fail-on`, nil when the run is not gated.
    public let failOn: Severity?
    /// Both audits' checks, by audit: "stale_contacts" then "consent".
    public let audits: [(audit: String, tallies: [CheckTally])]

    public init(failOn: Severity?, audits: [(audit: String, tallies: [CheckTally])]) {
        self.failOn = failOn
        self.audits = audits
    }

    public static func == (a: GateVerdict, b: GateVerdict) -> Bool {
        a.failOn == b.failOn && a.audits.map(\.audit) == b.audits.map(\.audit) && a.audits.map(\.tallies) == b.audits.map(\.tallies)
    }

    /// The outcome at `failOn` (at `violation` when not gated, for what would fail).
    public var outcome: GateOutcome {
        let all = audits.flatMap(\.tallies)
        return Gate.evaluate(all, failOn: failOn ?? .violation)
    }

    public var result: Result {
        guard failOn != nil else { return .notGated }
        return outcome.mustFail ? .fail : .pass
    }

    /// The checks failing the gate (none when not gated), in audit then check order.
    public var failing: [CheckTally] { failOn == nil ? [] : outcome.failing }

    /// Every check that did not run, in audit then check order.
    public var notRun: [CheckTally] { audits.flatMap(\.tallies).filter { !$0.ran } }

    /// One line per audit and reason, for standard error: "consent: not run (table messages absent): after_unsubscribe, no_consent".
    public var notRunLines: [String] {
        audits.flatMap { audit, tallies -> [String] in
            let groups = Dictionary(grouping: tallies.filter { !$0.ran }, by: { $0.notRunReason ?? "" })
            return groups.keys.sorted().map { reason in
                let checks = (groups[reason] ?? []).map { $0.skipped ? "\($0.check) (skipped by config)" : $0.check }
                return "\(audit): not run (\(reason)): " + checks.joined(separator: ", ")
            }
        }
    }

    /// Whether a check fails the gate.
    public func fails(_ t: CheckTally) -> Bool { failOn.map { t.fails(at: $0) } ?? false }
}
