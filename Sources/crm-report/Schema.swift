import ArgumentParser
import CRMData

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the input contract: the DDL of the database crm-report reads.")

    func run() throws {
        print(contractDDL)
    }
}
