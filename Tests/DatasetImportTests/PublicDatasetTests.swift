import CRMData
import DatasetImport
import Foundation
import Formatting
import Reports
import Testing
import TestSupport

/// The public datasets, the project's own copies in Tests/Data (each with its SOURCE.md), each imported once per test run.
enum Imported {
    static let datasets = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data")

    static let onlineRetail = build("online-retail")
    static let maven = build("maven-crm")

    /// (database path, the importer's summary line)
    static func build(_ name: String) -> Result<(path: String, summary: String), CRMError> {
        do {
            let folder = try ScratchFolder.make("crm-dataset")
            let path = folder.appendingPathComponent("\(name).sqlite").path
            let summary = try DatasetImport.run(name, from: datasets.appendingPathComponent(name).path, to: path)
            return .success((path, summary))
        } catch let e as CRMError {
            return .failure(e)
        } catch {
            return .failure(CRMError("\(error)"))
        }
    }

    static func snapshot(_ db: Result<(path: String, summary: String), CRMError>, asOf: String) throws -> Snapshot {
        let path = try db.get().path
        guard let day = CivilDate.parse(asOf) else { throw CRMError("bad date") }
        return try SnapshotReader(path: path, asOf: ZoneClock.utc.startOfDay(day), zone: .utc).read()
    }

    /// The published figures of a dataset (its expected_figures.json).
    static func expected(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: datasets.appendingPathComponent("\(name)/expected_figures.json"))
        return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }
}

@Suite struct OnlineRetailTests {
    @Test func importedRowsMatchTheCleanSubset() throws {
        let summary = try Imported.onlineRetail.get().summary
        #expect(summary.hasPrefix("4338 contacts and 18532 orders from 397884 invoice lines"))
        let s = try Imported.snapshot(Imported.onlineRetail, asOf: "2012-01-01")
        let clean = try Imported.expected("online-retail")["clean"] as? [String: Any]
        #expect(s.contacts.count == clean?["customers"] as? Int)
        #expect(s.orders.count == clean?["invoices"] as? Int)
        #expect(s.orders.amount.sum() == Money(minor: 891_140_790))
        #expect(s.badRows.entries.isEmpty)
    }

    /// The published monthly cohort table (netebom/Online_Retail_Data_Analysis), all 91 cells.
    @Test func cohortCustomerCountsCellForCell() throws {
        let s = try Imported.snapshot(Imported.onlineRetail, asOf: "2012-01-01")
        var config = ReportConfig()
        config.cohortCount = 13
        let report = CohortReport.compute(s, config: config)
        let table = try Imported.expected("online-retail")["cohort_customer_counts_clean"] as? [String: [Int]] ?? [:]
        #expect(table.count == 13)
        #expect(report.cohorts.map(\.label) == table.keys.sorted())
        for cohort in report.cohorts {
            #expect(cohort.active == table[cohort.label], "cohort \(cohort.label)")
            #expect(cohort.size == table[cohort.label]?.first)
        }
        #expect(report.cohorts[0].active == [885, 324, 286, 340, 321, 352, 321, 309, 313, 350, 331, 445, 235])
        // Published month-1 retention of Dec 2010: 36.61 %; months 1–3: 36.61 / 32.32 / 38.42 %.
        let r = report.cohorts[0].retention.map { (($0 ?? 0) * 10_000).rounded() / 100 }
        #expect(Array(r[1...3]) == [36.61, 32.32, 38.42])
    }

    @Test func rfmOverAllHistory() throws {
        // Reference date 2011-12-10 with a window covering every invoice: 4,338 customers, F = invoices.
        let s = try Imported.snapshot(Imported.onlineRetail, asOf: "2011-12-10")
        var config = ReportConfig()
        config.rfmWindowDays = 400
        let r = RFMReport.compute(s, config: config, period: ReportPeriod.latest(.week, asOfDay: CivilDate.parse("2011-12-10") ?? 0))
        #expect(r.customers == 4338)
        let invoices = r.current.frequency.reduce(0) { $0 + Int($1) }
        #expect(invoices == 18532)
        // Published: 2,845 customers (65.58 %) have 2 or more invoices.
        #expect(r.current.frequency.filter { $0 >= 2 }.count == 2845)
        #expect(abs(r.revenue - 8_911_407.90) < 0.005)
        #expect(r.segments.reduce(0) { $0 + $1.customers } == 4338)
    }
}

@Suite struct MavenCRMTests {
    /// As of 1 Jan 2018 with a window of 70 weeks, every opportunity (created 2016-10-20 … 2017-12-27) is in the cohort.
    func funnel() throws -> FunnelReport {
        let s = try Imported.snapshot(Imported.maven, asOf: "2018-01-01")
        var config = ReportConfig()
        config.funnelWindowWeeks = 70
        return FunnelReport.compute(s, config: config, period: ReportPeriod.latest(.week, asOfDay: CivilDate.parse("2018-01-01") ?? 0))
    }

    @Test func importSaysWhatItDid() throws {
        let summary = try Imported.maven.get().summary
        #expect(summary.contains("8800 opportunities"))
        #expect(summary.contains("500 Prospecting opportunities have no date and were given the dataset's first date, 2016-10-20"))
    }

    @Test func funnelReachesThePublishedCounts() throws {
        let r = try funnel()
        #expect(r.pipelines.map(\.name) == ["sales"])
        let p = r.pipelines[0]
        #expect(p.stageSource == .pipelineStages)
        #expect(p.current.steps.map(\.stage) == ["Prospecting", "Engaging", "won"])
        #expect(p.current.steps.map(\.reached) == [8800, 8300, 4238])
        #expect(p.current.steps[2].overallConversion == 4238.0 / 8800)
        // Won deals' sales cycle (close − engage): median 57 days.
        #expect(p.current.steps[2].medianDays == 57)
        #expect(p.previous.deals == 0)
    }

    @Test func closedDealsMatchThePublishedFigures() throws {
        let c = try funnel().pipelines[0].closedInWindow
        let expected = try Imported.expected("maven-crm")
        let stages = expected["deal_stage_counts"] as? [String: Int]
        #expect(c.won == stages?["Won"])
        #expect(c.lost == stages?["Lost"])
        #expect(c.won == 4238)
        #expect(c.lost == 2473)
        #expect(((c.winRate ?? 0) * 10_000).rounded() / 10_000 == 0.6315)
        #expect(c.wonAmount == 10_005_534)
        #expect(((c.averageWonDeal ?? 0) * 100).rounded() / 100 == 2360.91)
        #expect(c.medianCycleDays == 57)
    }

    @Test func ownerBreakdownHasEveryAgent() throws {
        let owners = try funnel().pipelines[0].breakdowns[1]
        // 30 agents with opportunities; Darcel Schlecht has 747 of them.
        #expect(owners.groups.count == 30)
        #expect(owners.groups.first { $0.label == "Darcel Schlecht" }?.deals == 747)
        #expect(owners.groups.reduce(0) { $0 + $1.deals } == 8800)
    }
}
