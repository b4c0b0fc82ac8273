import Formatting
import CRMData
import Foundation
import GRDB

/// `crm-report demo`: a realistic synthetic CRM, the same bytes for the same seed,
/// contact count and as-of date. Two years of history end at the as-of date.
public enum DemoGenerator {
    public struct Options: Sendable {
        public var contacts: Int
        public var seed: UInt64
        /// The as-of date as a day number (days since 1970-01-01).
        public var asOfDay: Int
        public init(contacts: Int = 20_000, seed: UInt64 = 1, asOfDay: Int) {
            self.contacts = contacts
            self.seed = seed
            self.asOfDay = asOfDay
        }
    }

    /// Writes the database to a temporary file beside `path` and moves it into place
    /// only when complete (`NewDatabaseFile`). Returns the row count of each table.
    ///
    /// An existing file at `path` is replaced only when `replace` is true (`--force`); a folder,
    /// or anything but a regular file, never is (issue 13, item 9: a folder was deleted with everything in it).
    @discardableResult
    public static func generate(path: String, options: Options, replace: Bool = false,
                                progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws -> [(String, Int)] {
        guard options.contacts >= 10 else { throw CRMError("demo: --contacts must be at least 10") }
        let plan = DemoPlan(contacts: options.contacts, seed: options.seed, asOfDay: options.asOfDay)
        return try NewDatabaseFile.write(to: path, replace: replace, command: "demo") { db in
            try db.inTransaction {
                try writePlan(db, plan)
                return .commit
            }
            let writer = try DemoWriter(db)
            let batch = 20_000
            var next = 1
            while next <= options.contacts {
                let last = min(options.contacts, next + batch - 1)
                try db.inTransaction {
                    for id in next...last {
                        var story = ContactStory(id: id, plan: plan, out: writer)
                        try story.tell()
                    }
                    return .commit
                }
                progress(last, options.contacts)
                next = last + 1
            }
            return writer.rowCounts
        }
    }

    /// The shared rows: pipelines and their stages, campaigns, acquisition spend.
    static func writePlan(_ db: Database, _ plan: DemoPlan) throws {
        let stages = try SQLiteInserter(db, table: "pipeline_stages", columns: ["pipeline", "stage", "position"])
        for p in DemoVocabulary.pipelines {
            for (k, s) in p.stages.enumerated() { try stages.text(p.name).text(s).int(k + 1).insert() }
        }
        let campaigns = try SQLiteInserter(db, table: "campaigns", columns: ["id", "name", "channel", "kind", "started_at", "ended_at", "cost", "window_days"])
        let audience = Double(plan.contacts) * plan.membership * 0.6
        for c in plan.campaigns where c.start < plan.asOf {
            // Sending costs per member, plus the creative and platform work a campaign needs whatever its size.
            let production = 12_000 + Double((c.id * 7919) % 36_000)
            let cost = ((production + audience * (1 - c.controlShare) * c.costPerMember) * 100).rounded() / 100
            try campaigns.int(c.id).text(c.name).text(c.channel.name).text(c.kind).text(DemoStamp.format(c.start, .space))
                .text(c.end < plan.asOf ? DemoStamp.format(c.end, .space) : nil).real(c.id % 7 == 3 ? nil : cost)
                .int(c.windowDays.map(Int64.init)).insert()
        }
        let costs = try SQLiteInserter(db, table: "acquisition_costs", columns: ["source", "day", "amount"])
        var rng = DemoRandom(seed: plan.seed, stream: 0, salt: 11)
        let scale = Double(plan.contacts) / 20_000
        let budgets: [(String, Double)] = [("ads", 18_000), ("partner", 6000), ("site", 4000), ("marketplace", 3000)]
        var day = plan.start
        while day < plan.asOf {
            let weekend = CivilDate.weekday(days: Int(day / DemoPlan.day)) >= 6
            for (source, budget) in budgets {
                let amount = max(0, budget * scale * (weekend ? 0.7 : 1.0) * (1 + 0.2 * rng.normal()) * plan.seasonality(day) / 1.2)
                try costs.text(source).text(DemoStamp.format(day, .date)).real((amount * 100).rounded() / 100).insert()
            }
            day += DemoPlan.day
        }
    }
}
