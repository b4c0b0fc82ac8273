import ArgumentParser
import CRMData
import DatasetImport

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a public dataset into a CRM database of the input contract.",
        discussion: "Datasets: " + DatasetImport.all.map { "\($0.name) (\($0.summary))" }.joined(separator: "; "))

    @Argument(help: "The dataset: \(DatasetImport.all.map { $0.name }.joined(separator: ", ")).")
    var dataset: String

    @Option(help: ArgumentHelp("The dataset's folder (e.g. Tests/Data/hillstrom in the source).", valueName: "folder"))
    var from: String

    @Option(help: ArgumentHelp("The database to write: a new file, written whole or not at all.", valueName: "path"))
    var db: String

    @Flag(help: "Replace the database at --db if one exists (atomically: the old one stays whole until the new one is complete).")
    var force = false

    func run() throws {
        let summary = try DatasetImport.run(dataset, from: from, to: db, replace: force)
        print("Wrote \(db): \(summary)")
    }
}
