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

    @Option(help: ArgumentHelp("The database to write.", valueName: "path"))
    var db: String

    func run() throws {
        let summary = try DatasetImport.run(dataset, from: from, to: db)
        print("Wrote \(db): \(summary)")
    }
}
