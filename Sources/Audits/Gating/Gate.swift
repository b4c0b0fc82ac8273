import CRMData

/// One check's standing for the gate: its effective severity, its unwaived findings, what it
/// judged (the share's denominator) and its threshold.
public struct CheckTally: Sendable, Equatable {
    public let check: String
    public let severity: Severity
    /// Findings not covered by a waiver.
    public let count: Int
    /// The messages, contacts or grants the check judged.
    public let judged: Int
    public let threshold: Threshold?

    public init(check: String, severity: Severity, count: Int, judged: Int, threshold: Threshold?) {
        self.check = check
        self.severity = severity
        self.count = count
        self.judged = judged
        self.threshold = threshold
    }

    /// Whether this check fails a run gated at `failOn`: severe enough, and with findings
    /// at or beyond its threshold (any finding when it has none).
    public func fails(at failOn: Severity) -> Bool {
        severity >= failOn && (threshold ?? .count(1)).isReached(count: count, judged: judged)
    }
}

/// Whether a run must exit 1 under `--fail-on`, and because of which checks.
public struct GateOutcome: Sendable, Equatable {
    public let failOn: Severity
    /// The checks that fail the run, in the order given.
    public let failing: [CheckTally]

    public var mustFail: Bool { !failing.isEmpty }

    /// One line for the terminal: "fail-on violation: no_consent (12), not_erased (3)", or "... passed".
    public var summary: String {
        guard mustFail else { return "fail-on \(failOn.rawValue): passed" }
        return "fail-on \(failOn.rawValue): " + failing.map { "\($0.check) (\($0.count))" }.joined(separator: ", ")
    }

    /// Both audits' outcomes as one (a run fails when either does).
    public func merging(_ other: GateOutcome) -> GateOutcome {
        GateOutcome(failOn: failOn, failing: failing + other.failing)
    }

    public init(failOn: Severity, failing: [CheckTally]) {
        self.failOn = failOn
        self.failing = failing
    }
}

/// The gate of both audits, a pure function.
public enum Gate {
    /// Tallies the unwaived findings per check (every check of `judged` and of the findings).
    /// - Parameters:
    ///   - findings: the findings that no active waiver covers.
    ///   - judged: per check id, how many messages or contacts it judged.
    public static func tallies(findings: [Finding], judged: [String: Int], policy: GatePolicy) -> [CheckTally] {
        var counts: [String: Int] = [:]
        for f in findings { counts[f.check, default: 0] += 1 }
        let ids = Set(counts.keys).union(judged.keys).sorted()
        return ids.map {
            CheckTally(check: $0, severity: policy.severity(of: $0), count: counts[$0] ?? 0, judged: judged[$0] ?? 0,
                       threshold: policy.thresholds[$0])
        }
    }

    public static func evaluate(_ tallies: [CheckTally], failOn: Severity) -> GateOutcome {
        GateOutcome(failOn: failOn, failing: tallies.filter { $0.fails(at: failOn) })
    }

    /// The whole gate in one call: unwaived findings in, the verdict out.
    public static func evaluate(findings: [Finding], judged: [String: Int], policy: GatePolicy, failOn: Severity) -> GateOutcome {
        evaluate(tallies(findings: findings, judged: judged, policy: policy), failOn: failOn)
    }
}
