import CRMData

/// One check's standing for the gate: its effective severity, its open (unwaived) and waived
/// findings, what it judged (the share's denominator), its threshold, and whether it could run.
public struct CheckTally: Sendable, Equatable {
    public let check: String
    public let severity: Severity
    /// Findings not covered by an active waiver (those with an expired waiver included).
    public let count: Int
    /// Findings covered by an active waiver.
    public let waived: Int
    /// The messages, contacts or grants the check judged.
    public let judged: Int
    public let threshold: Threshold?
    /// The tables whose absence kept the check from running; empty when it ran.
    public let absentTables: [String]
    /// Listed under `<audit>.skip`: allowed not to run.
    public let skipped: Bool

    public init(check: String, severity: Severity, count: Int, judged: Int, threshold: Threshold?, waived: Int = 0,
                absentTables: [String] = [], skipped: Bool = false) {
        self.check = check
        self.severity = severity
        self.count = count
        self.waived = waived
        self.judged = judged
        self.threshold = threshold
        self.absentTables = absentTables
        self.skipped = skipped
    }

    public var ran: Bool { absentTables.isEmpty }

    /// Why the check did not run, in English ("table messages absent"); nil when it ran.
    public var notRunReason: String? {
        ran ? nil : "\(absentTables.count == 1 ? "table" : "tables") \(absentTables.joined(separator: ", ")) absent"
    }

    /// Whether this check fails a run gated at `failOn`. A check severe enough fails when its open
    /// findings reach its threshold (any finding when it has none), and when it could not run,
    /// unless config skips it: the gate never passes a check it could not judge.
    public func fails(at failOn: Severity) -> Bool {
        guard severity >= failOn else { return false }
        guard ran else { return !skipped }
        return (threshold ?? .count(1)).isReached(count: count, judged: judged)
    }
}

/// Whether a run must exit 1 under `--fail-on`, and because of which checks.
public struct GateOutcome: Sendable, Equatable {
    public let failOn: Severity
    /// The checks that fail the run, in the order given (not-run checks among them).
    public let failing: [CheckTally]
    /// Every check that could not run, failing or not, in the order given.
    public let notRun: [CheckTally]

    public var mustFail: Bool { !failing.isEmpty }

    /// One line for the terminal: "fail-on violation: no_consent (12), not_erased (not run)", or "... passed".
    public var summary: String {
        guard mustFail else { return "fail-on \(failOn.rawValue): passed" }
        return "fail-on \(failOn.rawValue): " + failing.map { "\($0.check) (\($0.ran ? String($0.count) : "not run"))" }.joined(separator: ", ")
    }

    /// Both audits' outcomes as one (a run fails when either does).
    public func merging(_ other: GateOutcome) -> GateOutcome {
        GateOutcome(failOn: failOn, failing: failing + other.failing, notRun: notRun + other.notRun)
    }

    public init(failOn: Severity, failing: [CheckTally], notRun: [CheckTally] = []) {
        self.failOn = failOn
        self.failing = failing
        self.notRun = notRun
    }
}

/// The gate of both audits, a pure function.
public enum Gate {
    /// Tallies the unwaived findings per check (every check of `judged`, of the findings and of `absent`).
    /// - Parameters:
    ///   - findings: the findings that no active waiver covers.
    ///   - judged: per check id, how many messages or contacts it judged.
    ///   - waived: per check id, its findings covered by an active waiver.
    ///   - absent: per check id that could not run, the tables it lacked.
    public static func tallies(findings: [Finding], judged: [String: Int], policy: GatePolicy, waived: [String: Int] = [:],
                               absent: [String: [String]] = [:]) -> [CheckTally] {
        var counts: [String: Int] = [:]
        for f in findings { counts[f.check, default: 0] += 1 }
        return tallies(counts: counts, judged: judged, policy: policy, waived: waived, absent: absent)
    }

    /// The same from open counts per check.
    public static func tallies(counts: [String: Int], judged: [String: Int], policy: GatePolicy, waived: [String: Int] = [:],
                               absent: [String: [String]] = [:]) -> [CheckTally] {
        let ids = Set(counts.keys).union(judged.keys).union(absent.keys).sorted()
        return ids.map {
            CheckTally(check: $0, severity: policy.severity(of: $0), count: counts[$0] ?? 0, judged: judged[$0] ?? 0,
                       threshold: policy.thresholds[$0], waived: waived[$0] ?? 0, absentTables: absent[$0] ?? [],
                       skipped: policy.skips.contains($0))
        }
    }

    public static func evaluate(_ tallies: [CheckTally], failOn: Severity) -> GateOutcome {
        GateOutcome(failOn: failOn, failing: tallies.filter { $0.fails(at: failOn) }, notRun: tallies.filter { !$0.ran })
    }

    /// The whole gate in one call: unwaived findings in, the verdict out.
    public static func evaluate(findings: [Finding], judged: [String: Int], policy: GatePolicy, failOn: Severity) -> GateOutcome {
        evaluate(tallies(findings: findings, judged: judged, policy: policy), failOn: failOn)
    }
}
