import CRMData
import Foundation

/// The `provenance` object every export opens with (outputs.md, "Findings CSV"): what the run
/// was made from (version, as-of, zone, the database's and the config's SHA-256) and the audit
/// settings in force, so a file handed to a regulator can be tied to the run that wrote it.
public struct ProvenanceDoc: Codable, Sendable, Equatable {
    public var generator: String
    public var version: String
    public var asOf: String
    public var timezone: String
    /// A SQLite file's SHA-256; for PostgreSQL the server's version and snapshot.
    public var databaseSHA256: String
    /// SHA-256 of the configuration's canonical text (every setting, one a line).
    public var configSHA256: String
    public var settings: AuditSettingsDoc

    enum CodingKeys: String, CodingKey {
        case generator, version, asOf = "as_of", timezone, databaseSHA256 = "database_sha256", configSHA256 = "config_sha256", settings
    }

    public init(_ p: Provenance, config: ReportConfig) throws {
        generator = Provenance.generator
        version = Provenance.version
        asOf = p.asOf
        timezone = p.timezone
        databaseSHA256 = p.databaseSHA256
        configSHA256 = p.configHash
        settings = try AuditSettingsDoc(config)
    }
}

/// The audit settings in force, as configured: periods, severity overrides, thresholds, the gate.
public struct AuditSettingsDoc: Codable, Sendable, Equatable {
    public struct Consent: Codable, Sendable, Equatable {
        public var graceDays: Int
        public var reconfirmDays: Int
        public var minAge: Int
        public var erasureDays: Int
        /// SHA-256 of the waiver file (`consent.waivers`, for both audits); nil without one.
        public var waiversSHA256: String?
        /// Overrides by check id (`consent.severity`), and thresholds (`consent.thresholds`).
        public var severity: [String: String]
        public var thresholds: [String: ThresholdDoc]

        enum CodingKeys: String, CodingKey {
            case graceDays = "grace_days", reconfirmDays = "reconfirm_days", minAge = "min_age", erasureDays = "erasure_days"
            case waiversSHA256 = "waivers_sha256", severity, thresholds
        }
    }

    public struct Stale: Codable, Sendable, Equatable {
        public var verifyDays: Int
        public var defaultRegion: String
        public var dormantDaysB2C: Int
        public var dormantDaysB2B: Int
        public var roleAddresses: [String]
        public var disposableDomains: [String]
        public var severity: [String: String]
        public var thresholds: [String: ThresholdDoc]

        enum CodingKeys: String, CodingKey {
            case verifyDays = "verify_days", defaultRegion = "default_region", dormantDaysB2C = "dormant_days_b2c"
            case dormantDaysB2B = "dormant_days_b2b", roleAddresses = "role_addresses", disposableDomains = "disposable_domains"
            case severity, thresholds
        }
    }

    /// `--fail-on` (`violation`, `warning`), nil when the run is not gated.
    public var failOn: String?
    public var consent: Consent
    public var stale: Stale

    enum CodingKeys: String, CodingKey { case failOn = "fail_on", consent, stale }

    public init(_ c: ReportConfig) throws {
        failOn = c.failOn?.rawValue
        consent = Consent(graceDays: c.consentGraceDays, reconfirmDays: c.consentReconfirmDays, minAge: c.consentMinAge,
                          erasureDays: c.consentErasureDays, waiversSHA256: try c.consentWaivers.map { try Provenance.sha256(ofFile: $0) },
                          severity: c.consentSeverity, thresholds: c.consentThresholds.mapValues(ThresholdDoc.init))
        stale = Stale(verifyDays: c.staleVerifyDays, defaultRegion: c.staleDefaultRegion, dormantDaysB2C: c.staleDormantDaysB2C,
                      dormantDaysB2B: c.staleDormantDaysB2B, roleAddresses: c.staleRoleAddresses, disposableDomains: c.staleDisposableDomains,
                      severity: c.staleSeverity, thresholds: c.staleThresholds.mapValues(ThresholdDoc.init))
    }
}

/// A threshold as the config writes it: a whole number is a count, a fraction a share.
public struct ThresholdDoc: Codable, Sendable, Equatable {
    public var threshold: Threshold

    init(_ t: Threshold) { threshold = t }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) { threshold = .count(n) } else { threshold = .share(try c.decode(Double.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch threshold {
        case .count(let n): try c.encode(n)
        case .share(let s): try c.encode(s)
        }
    }
}
