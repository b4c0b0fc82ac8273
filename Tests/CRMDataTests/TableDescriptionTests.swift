@testable import CRMData
import Testing

/// The eleven descriptions against the contract: a description that names a column the contract
/// does not have would read NULL forever, so the names are checked here, not at run time.
@Suite("Contract table descriptions")
struct TableDescriptionTests {
    static func names<T: ContractTable>(_: T.Type) -> (table: String, columns: [String]) {
        (T.tableName, T.Column.allCases.map { T.spec($0).name })
    }

    static let described = [
        names(ContactTable.self), names(DealTable.self), names(DealStageTable.self), names(PipelineStageList.self),
        names(CampaignTable.self), names(CampaignMemberTable.self), names(MessageTable.self), names(ConsentTable.self),
        names(OrderTable.self), names(InteractionTable.self), names(AcquisitionCostTable.self),
    ]

    /// Contract columns no report reads.
    static let unread: Set<String> = ["contacts.company", "orders.store"]

    @Test("each contract table is described once, by its contract columns, and every column a report needs is read")
    func matchesTheContract() throws {
        #expect(Set(Self.described.map(\.table)) == Set(SchemaContract.v1.tables.map(\.name)))
        #expect(Self.described.count == SchemaContract.v1.tables.count)
        for (table, columns) in Self.described {
            let contract = try #require(SchemaContract.v1.table(table))
            let names = Set(contract.columns.map(\.name))
            #expect(Set(columns).isSubset(of: names), "\(table): \(Set(columns).subtracting(names))")
            #expect(Set(columns).count == columns.count, "\(table) names a column twice")
            let missed = names.subtracting(columns).map { "\(table).\($0)" }
            #expect(Set(missed).isSubset(of: Self.unread), "\(table) does not read \(missed)")
        }
    }

    @Test("every description resolves into a plan: one own timestamp at most, slots in order")
    func plansResolve() throws {
        func plan<T: ContractTable>(_: T.Type) throws -> TablePlan {
            let columns = Set(SchemaContract.v1.table(T.tableName)?.columns.map(\.name) ?? [])
            return try TablePlan(T.self, present: columns, references: [:])
        }
        let plans = [try plan(ContactTable.self), try plan(DealTable.self), try plan(DealStageTable.self),
                     try plan(PipelineStageList.self), try plan(CampaignTable.self), try plan(CampaignMemberTable.self),
                     try plan(MessageTable.self), try plan(ConsentTable.self), try plan(OrderTable.self),
                     try plan(InteractionTable.self), try plan(AcquisitionCostTable.self)]
        // Tables with an id column name their rows by it; the others by the row key.
        #expect(plans.map(\.idIsColumn) == [true, true, false, false, true, false, true, true, true, true, false])
        #expect(plans.map { $0.own != nil } == [true, true, true, false, true, true, true, true, true, true, true])
        #expect(plans[2].requests.last == .rowKey)
        // Looked up by name: an absent nullable column is asked for as NULL, never shifted.
        let noEmail = try TablePlan(ContactTable.self, present: ["id", "created_at", "phone"], references: [:])
        #expect(noEmail.requests[ContactTable.Column.email.rawValue] == .absent)
        #expect(noEmail.requests[ContactTable.Column.phone.rawValue] == .named("phone"))
    }
}
