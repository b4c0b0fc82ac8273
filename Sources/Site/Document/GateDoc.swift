import Audits
import CRMData
import Results

/// A threshold as report.json writes it: a count as a whole number, a share as a fraction.
public enum ThresholdDoc: Codable, Sendable, Equatable {
    case count(Int)
    case share(Double)

    init(_ t: Threshold) {
        switch t {
        case .count(let n): self = .count(n)
        case .share(let s): self = .share(s)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) { self = .count(n) } else { self = .share(try c.decode(Double.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .count(let n): try c.encode(n)
        case .share(let s): try c.encode(s)
        }
    }
}

/// report.json `settings` (schema 2): the audit settings in force.
public struct SettingsDoc: Codable, Sendable, Equatable {
    /// One audit's gating settings: severity overrides, thresholds and skips, by check id.
    public struct Gating: Codable, Sendable, Equatable {
        public var severity: [String: String]
        public var thresholds: [String: ThresholdDoc]
        public var skip: [String]

        init(_ g: AuditSettings.Gating) {
            severity = g.overrides.mapValues(\.rawValue)
            thresholds = g.thresholds.mapValues(ThresholdDoc.init)
            skip = g.skip
        }
    }

    public struct Consent: Codable, Sendable, Equatable {
        public var graceDays: Int
        public var erasureDays: Int
        public var reconfirmDays: Int
        public var minAge: Int
        public var gating: Gating
        enum CodingKeys: String, CodingKey {
            case graceDays = "grace_days", erasureDays = "erasure_days", reconfirmDays = "reconfirm_days", minAge = "min_age", gating
        }
    }

    public struct Stale: Codable, Sendable, Equatable {
        public var verifyDays: Int
        public var dormantDays: [String: Int]
        public var defaultRegion: String
        public var gating: Gating
        enum CodingKeys: String, CodingKey {
            case verifyDays = "verify_days", dormantDays = "dormant_days", defaultRegion = "default_region", gating
        }
    }

    public var consent: Consent
    public var staleContacts: Stale
    enum CodingKeys: String, CodingKey { case consent, staleContacts = "stale_contacts" }

    public init(_ s: AuditSettings) {
        consent = Consent(graceDays: s.graceDays, erasureDays: s.erasureDays, reconfirmDays: s.reconfirmDays, minAge: s.minAge,
                          gating: Gating(s.consent))
        staleContacts = Stale(verifyDays: s.verifyDays, dormantDays: ["b2b": s.dormantDaysB2B, "b2c": s.dormantDaysB2C],
                              defaultRegion: s.defaultRegion, gating: Gating(s.stale))
    }
}

/// report.json `gate` (schema 2): `fail_on` (null when not gated), `result` (pass, fail,
/// not_gated), the checks that fail it with their open count and threshold (count null for a
/// check that could not run), and every check not run with its reason.
public struct GateDoc: Codable, Sendable, Equatable {
    public struct Failing: Codable, Sendable, Equatable {
        public var audit: String
        public var check: String
        public var count: Int?
        public var threshold: ThresholdDoc?

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(audit, forKey: .audit)
            try c.encode(check, forKey: .check)
            try c.encode(count, forKey: .count)   // null: the check did not run
            try c.encode(threshold, forKey: .threshold)   // null: none, any open finding fails
        }
    }

    public struct NotRun: Codable, Sendable, Equatable {
        public var audit: String
        public var check: String
        public var reason: String
        /// Listed under the audit's `skip`: it does not fail the gate.
        public var skipped: Bool
    }

    public var failOn: String?
    public var result: String
    public var failing: [Failing]
    public var notRun: [NotRun]

    enum CodingKeys: String, CodingKey { case failOn = "fail_on", result, failing, notRun = "not_run" }

    public init(_ v: GateVerdict) {
        failOn = v.failOn?.rawValue
        result = v.result.rawValue
        let auditOf = Dictionary(v.audits.flatMap { a in a.tallies.map { ($0.check, a.audit) } }, uniquingKeysWith: { a, _ in a })
        failing = v.failing.map { Failing(audit: auditOf[$0.check] ?? "", check: $0.check, count: $0.ran ? $0.count : nil,
                                          threshold: $0.threshold.map(ThresholdDoc.init)) }
        notRun = v.notRun.map { NotRun(audit: auditOf[$0.check] ?? "", check: $0.check, reason: $0.notRunReason ?? "", skipped: $0.skipped) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(failOn, forKey: .failOn)   // null: not gated
        try c.encode(result, forKey: .result)
        try c.encode(failing, forKey: .failing)
        try c.encode(notRun, forKey: .notRun)
    }
}
