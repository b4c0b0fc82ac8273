import Formatting
import ArgumentParser
import Audits
import CRMData

/// The options every command that reads a CRM shares. Each also has a key in the YAML config; the command line wins.
struct ReadOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The CRM database: a SQLite file, or postgresql://user@host:port/dbname?sslmode=... (password from PGPASSWORD or ~/.pgpass).", valueName: "path-or-url"))
    var db: String?

    @Option(help: ArgumentHelp("PostgreSQL: the schema holding the contract tables or views. Default: public.", valueName: "name"))
    var schema: String?

    @Option(help: ArgumentHelp("YAML config file (see report.yml.example).", valueName: "path"))
    var config: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Report as of the start of this day (YYYY-MM-DD, in the config time zone). Default: today.", valueName: "date"))
    var asOf: String?

    /// The config file's settings with the command line's on top.
    func resolve(_ apply: (inout ReportConfig) throws -> Void = { _ in }) throws -> ReportConfig {
        var c = ReportConfig()
        if let config {
            try ConfigFile.load(path: config, into: &c)
            try PhoneValidator.checkRegion(c.staleDefaultRegion, source: config)
        }
        if let db { c.db = db }
        if let schema { c.schema = schema }
        if let asOf {
            guard CivilDate.parse(asOf) != nil else { throw CRMError("--as-of: expected a date YYYY-MM-DD, got '\(asOf)'") }
            c.asOf = asOf
        }
        try apply(&c)
        return c
    }
}

extension ReportConfig.PeriodKind: ExpressibleByArgument {}
extension ReportConfig.FailOn: ExpressibleByArgument {}
extension ReportLocale: ExpressibleByArgument {}

