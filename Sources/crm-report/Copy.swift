import ArgumentParser
import CRMData
import Foundation

/// `crm-report copy`: the contract tables between a SQLite file and a PostgreSQL schema, either way.
struct Copy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the contract tables between a SQLite file and PostgreSQL, either way.",
        discussion: """
        --from and --to are each a SQLite file or postgresql://user@host:port/dbname?sslmode=... \
        (the password from PGPASSWORD or ~/.pgpass). Into PostgreSQL the schema (--schema) must be \
        empty or absent; into SQLite the file must not exist yet (--force replaces either). All or \
        nothing: a copy that fails or is stopped leaves no target, or the old one. Only the contract's \
        tables and columns are copied, with their values as the reader reads them, bad ones included.
        """)

    @Option(help: ArgumentHelp("The source: a SQLite file or a postgresql:// URL.", valueName: "path-or-url"))
    var from: String

    @Option(help: ArgumentHelp("The target: a new SQLite file or a postgresql:// URL.", valueName: "path-or-url"))
    var to: String

    @Option(help: ArgumentHelp("The PostgreSQL schema at either end. Default: public.", valueName: "name"))
    var schema = "public"

    @Flag(help: "Replace an existing target: the SQLite file, or the contract tables in the schema.")
    var force = false

    func run() async throws {
        let counts = try DatabaseCopy.copy(from: from, to: to, schema: schema, force: force)
        let total = counts.values.reduce(0, +)
        let target = (try? DatabaseLocation(to)).map { location -> String in
            if case .postgres(let server) = location { return "\(server) (schema \(schema))" }
            return to
        } ?? to
        print("Copied \(total) rows in \(counts.count) tables into \(target)")
    }
}
