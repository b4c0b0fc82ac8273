import CRMData
import Formatting
import Foundation
import GRDB

/// Maven Analytics' "CRM Sales Opportunities" (Tests/Data/maven-crm: a fictitious B2B
/// hardware seller's 8,800 opportunities, 2016-10 – 2017-12) as a CRM of accounts and deals.
///
/// - `accounts.csv` → one b2b contact per account (id 1…85 in file order): `company` = account,
///   `region` = office_location; `created_at` = the dataset's first date (the file has none).
/// - `sales_pipeline.csv` → one deal per opportunity (id 1…8,800 in file order) in the pipeline
///   `sales`: `owner` = sales_agent, contact = its account (NULL when blank: 1,425 opportunities),
///   no channel; status Won → won, Lost → lost, Prospecting and Engaging → open;
///   `closed_at` = close_date, `amount` = close_value.
/// - Stages (`pipeline_stages`): Prospecting, then Engaging; the funnel's last step is Won.
///   An opportunity with an engage_date gets an Engaging stage row at that date and is created
///   then (so time to Won is the dataset's close − engage sales cycle); it has no Prospecting row,
///   and reaching Engaging counts as having passed Prospecting.
/// - **Prospecting opportunities carry no date at all.** They are given the dataset's first date
///   (the earliest engage_date or close_date, 2016-10-20) as creation and Prospecting entry; the
///   import's summary line says so. Time-to-Prospecting figures are therefore meaningless here.
public enum MavenCRMImporter: DatasetImporter {
    public static let name = "maven-crm"
    public static let summary = "Maven CRM Sales Opportunities: accounts as contacts, opportunities as deals through Prospecting, Engaging, Won"
    public static let pipeline = "sales"

    public static func load(from folder: URL, into db: Database) throws -> String {
        let (accounts, accountsFile) = try CSVBytes.read("accounts.csv", in: folder)
        let (deals, pipelineFile) = try CSVBytes.read("sales_pipeline.csv", in: folder)
        let a = try accounts.columns(["account", "office_location"], file: accountsFile.lastPathComponent)
        let p = try deals.columns(["sales_agent", "account", "deal_stage", "engage_date", "close_date", "close_value"], file: pipelineFile.lastPathComponent)

        let pipelineName = pipelineFile.lastPathComponent, accountsName = accountsFile.lastPathComponent
        let stages = ["Prospecting", "Engaging", "Won", "Lost"]
        struct Opportunity { var agent: String?; var account: String?; var stage: String; var engage: String?; var close: String?; var value: Double? }
        var opportunities: [Opportunity] = []
        let pipelineWidth = deals.header().count
        try deals.forEachRow { row, line in
            try row.require(fields: pipelineWidth, file: pipelineName, line: line)
            guard let stage = row.text(p[2]), stages.contains(stage) else {
                throw ImportProblem.value(pipelineName, line: line, "deal_stage", row.text(p[2]), expected: stages.joined(separator: ", "))
            }
            func date(_ i: Int, _ field: String) throws -> String? {
                guard let text = row.text(i) else { return nil }
                guard CivilDate.parse(text) != nil else { throw ImportProblem.value(pipelineName, line: line, field, text, expected: "a date YYYY-MM-DD") }
                return text
            }
            let engage = try date(p[3], "engage_date"), close = try date(p[4], "close_date")
            var value: Double?
            if let text = row.text(p[5]) {
                guard let v = row.double(p[5]), v.isFinite, v >= 0, v < Money.limit else {
                    throw ImportProblem.value(pipelineName, line: line, "close_value", text, expected: "an amount of 0 or more")
                }
                value = v
            }
            if stage == "Won" || stage == "Lost", close == nil {
                throw ImportProblem.field(pipelineName, line: line, "close_date", "a \(stage) opportunity needs the date it closed")
            }
            if stage != "Prospecting", engage == nil {
                throw ImportProblem.field(pipelineName, line: line, "engage_date", "an opportunity at \(stage) needs the date it was engaged")
            }
            opportunities.append(Opportunity(agent: row.text(p[0]), account: row.text(p[1]), stage: stage,
                                             engage: engage, close: close, value: value))
        }
        // ISO dates compare as text.
        guard let firstDate = opportunities.flatMap({ [$0.engage, $0.close].compactMap { $0 } }).min() else {
            throw CRMError("import: \(pipelineName) has no dates")
        }

        var accountID: [String: Int] = [:]
        var accountLine: [String: Int] = [:]
        let accountsWidth = accounts.header().count
        let contact = try db.makeStatement(sql: "INSERT INTO contacts (id, created_at, company, region, segment) VALUES (?, ?, ?, ?, 'b2b')")
        try accounts.forEachRow { row, line in
            try row.require(fields: accountsWidth, file: accountsName, line: line)
            guard let name = row.text(a[0]) else { throw ImportProblem.field(accountsName, line: line, "account", "no account name") }
            if let first = accountLine[name] {
                throw ImportProblem.field(accountsName, line: line, "account", "\(ImportProblem.shown(name)) is already on line \(first)")
            }
            accountLine[name] = line
            accountID[name] = accountID.count + 1
            try contact.execute(arguments: [accountID.count, firstDate, name, row.text(a[1])])
        }

        try db.execute(sql: "INSERT INTO pipeline_stages (pipeline, stage, position) VALUES (?, 'Prospecting', 1), (?, 'Engaging', 2)",
                       arguments: [pipeline, pipeline])
        let deal = try db.makeStatement(sql: """
            INSERT INTO deals (id, contact_id, pipeline, owner, created_at, closed_at, status, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let stage = try db.makeStatement(sql: "INSERT INTO deal_stages (deal_id, stage, entered_at) VALUES (?, ?, ?)")
        var undated = 0, unknownAccounts = 0
        for (k, o) in opportunities.enumerated() {
            let id = k + 1
            let status: String
            switch o.stage {
            case "Won": status = "won"
            case "Lost": status = "lost"
            default: status = "open"
            }
            let contactID = o.account.flatMap { accountID[$0] }
            if o.account != nil && contactID == nil { unknownAccounts += 1 }
            let created = o.engage ?? firstDate
            try deal.execute(arguments: [id, contactID, pipeline, o.agent, created, status == "open" ? nil : o.close, status, o.value])
            if let engage = o.engage {
                try stage.execute(arguments: [id, "Engaging", engage])
            } else {
                undated += 1
                try stage.execute(arguments: [id, "Prospecting", firstDate])
            }
        }
        return "\(accountID.count) accounts as contacts, \(opportunities.count) opportunities as deals "
            + "(\(undated) Prospecting opportunities have no date and were given the dataset's first date, \(firstDate)"
            + (unknownAccounts > 0 ? "; \(unknownAccounts) name an account not in accounts.csv and have no contact)" : ")")
    }
}
