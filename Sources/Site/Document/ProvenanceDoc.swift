import Audits
import CRMData
import Foundation
import Results

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
    /// `--fail-on` (`violation`, `warning`), nil when the run is not gated.
    public var failOn: String?
    /// SHA-256 of the waiver file (`consent.waivers`, for both audits); nil without one.
    public var waiversSHA256: String?
    /// The audit settings in force, as report.json `settings` states them.
    public var settings: SettingsDoc

    enum CodingKeys: String, CodingKey {
        case generator, version, asOf = "as_of", timezone, databaseSHA256 = "database_sha256", configSHA256 = "config_sha256"
        case failOn = "fail_on", waiversSHA256 = "waivers_sha256", settings
    }

    public init(_ p: Provenance, config: ReportConfig) throws {
        generator = Provenance.generator
        version = Provenance.version
        asOf = p.asOf
        timezone = p.timezone
        databaseSHA256 = p.databaseSHA256
        configSHA256 = p.configHash
        failOn = config.failOn?.rawValue
        waiversSHA256 = try config.consentWaivers.map { try Provenance.sha256(ofFile: $0) }
        settings = SettingsDoc(try AuditGating(config).settings)
    }
}
