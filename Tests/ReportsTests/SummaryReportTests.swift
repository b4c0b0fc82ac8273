import Formatting
import CRMData
import Reports
import Testing
import TestSupport

/// The executive summary of a hand-made CRM, every figure computed by hand in the comments.
/// As of Monday 2026-11-23: the period is 2026-W47 (16-23 Nov), the previous W46 (9-16 Nov),
/// the year-ago period 52 weeks earlier (17-24 Nov 2025).
@Suite("Executive summary")
struct SummaryReportTests {
    static func report() throws -> SummaryReport {
        let db = try FixtureDB()
        for id in 1...4 { try db.contact(id, created: "2024-01-01") }
        try db.contact(5, created: "2026-11-23")                                   // at A: invisible
        try db.order(1, contact: 1, at: "2025-06-01", amount: 100)                 // c1's first order
        try db.order(2, contact: 1, at: "2026-11-17 10:00", amount: 200)           // current
        try db.order(3, contact: 2, at: "2026-11-18", amount: 50)                  // current; c2's first ever: new
        try db.order(4, contact: 2, at: "2026-11-19", amount: 30, status: "returned")   // current return
        try db.order(5, contact: 3, at: "2026-11-10", amount: 70)                  // previous; c3 new then
        try db.order(6, contact: 3, at: "2026-11-22 23:59:59", amount: 30)         // current; c3 repeat
        try db.order(7, contact: 4, at: "2026-11-23 00:00:00", amount: 999)        // at A: ignored
        try db.order(8, contact: 1, at: "2025-11-18", amount: 40)                  // year ago (c1 not new)
        try db.order(9, contact: 2, at: "2026-11-20", amount: 20, status: "cancelled")  // never counts
        try db.order(10, contact: 1, at: "2026-11-20", amount: -5)                 // bad: negative
        try db.order(11, contact: 99, at: "2026-11-20", amount: 10)                // bad: no such contact
        try db.deal(1, created: "2026-10-01", status: "won", closed: "2026-11-18", amount: 1000)
        try db.deal(2, created: "2026-10-01", status: "lost", closed: "2026-11-19")
        try db.deal(3, created: "2026-11-01", amount: 500)                         // open
        try db.deal(4, created: "2026-11-01", status: "won", closed: "2026-11-23 10:00", amount: 300)   // closed after A: open
        try db.deal(5, created: "2025-01-01", status: "won", closed: "2025-11-20", amount: 700)         // won a year ago
        try db.deal(6, created: "2026-11-10", status: "won")                       // bad: no closed_at
        let s = try db.snapshot(asOf: "2026-11-23")
        let period = ReportPeriod.latest(.week, asOfDay: CivilDate.parse("2026-11-23") ?? 0)
        return SummaryReport.compute(s, period: period)
    }

    @Test("the period, previous and year-ago periods")
    func periods() throws {
        let r = try Self.report()
        #expect(r.period.label == "2026-W47")
        #expect(CivilDate.iso(r.period.startDay) == "2026-11-16" && CivilDate.iso(r.period.endDay) == "2026-11-23")
        #expect(CivilDate.iso(r.period.previous.startDay) == "2026-11-09")
        #expect(CivilDate.iso(r.period.yearAgo.startDay) == "2025-11-17" && r.period.yearAgo.label == "2025-W47")
        // Sunday as-of: the week containing it has not ended, so the report is the week before.
        #expect(ReportPeriod.latest(.week, asOfDay: CivilDate.parse("2026-11-22") ?? 0).label == "2026-W46")
        let month = ReportPeriod.latest(.month, asOfDay: CivilDate.parse("2026-11-23") ?? 0)
        #expect(month.label == "2026-10" && month.yearAgo.label == "2025-10" && month.previous.label == "2026-09")
        #expect(ReportPeriod.latest(.month, asOfDay: CivilDate.parse("2026-01-01") ?? 0).label == "2025-12")
    }

    @Test("order figures: current, previous, year ago")
    func orders() throws {
        let r = try Self.report()
        #expect(r[.revenue].current == 280 && r[.revenue].previous == 70 && r[.revenue].yearAgo == 40)
        #expect(r[.orders].current == 3 && r[.orders].previous == 1 && r[.orders].yearAgo == 1)
        #expect(r[.averageOrderValue].current == 280.0 / 3 && r[.averageOrderValue].previous == 70)
        #expect(r[.orderingCustomers].current == 3 && r[.orderingCustomers].previous == 1 && r[.orderingCustomers].yearAgo == 1)
        #expect(r[.newCustomers].current == 1 && r[.newCustomers].previous == 1 && r[.newCustomers].yearAgo == 0)
        #expect(r[.repeatShare].current == 2.0 / 3 && r[.repeatShare].previous == 0 && r[.repeatShare].yearAgo == 1)
        #expect(r[.returnsRate].current == 0.25 && r[.returnsRate].previous == 0 && r[.returnsRate].yearAgo == 0)
    }

    @Test("deal figures, and the open pipeline taken at each period's end")
    func deals() throws {
        let r = try Self.report()
        #expect(r[.dealsWon].current == 1 && r[.dealsWon].previous == 0 && r[.dealsWon].yearAgo == 1)
        #expect(r[.wonAmount].current == 1000 && r[.wonAmount].yearAgo == 700)
        #expect(r[.winRate].current == 0.5 && r[.winRate].previous == nil && r[.winRate].yearAgo == 1)
        // At A: deals 3 (500) and 4 (300, closed after A). At 16 Nov: 1 (1000), 3, 4; deal 2 has no amount.
        #expect(r[.openPipelineValue].current == 800 && r[.openPipelineValue].previous == 1800 && r[.openPipelineValue].yearAgo == 0)
    }

    @Test("trends end with the current period; audit figures wait for the audits")
    func trends() throws {
        let r = try Self.report()
        #expect(r[.revenue].trend.count == 26)
        #expect(r[.revenue].trend.suffix(2) == [70, 280])
        #expect(r.revenueSeries.suffix(2) == [70, 280] && r.revenueSeriesYearAgo.last == 40)
        #expect(r.seriesPeriods.last?.label == "2026-W47" && r.seriesPeriods.first?.label == "2026-W22")
        #expect(r[.addressableBase].unavailable == .notAudited && r[.addressableBase].current == nil)
        #expect(r[.staleShare].trend.allSatisfy { $0 == nil })
    }

    @Test("deltas: absolute and relative, and 'new' over a zero base")
    func deltas() throws {
        let r = try Self.report()
        let revenue = try #require(Delta(from: r[.revenue].previous, to: r[.revenue].current))
        #expect(revenue.absolute == 210 && revenue.relative == 3)
        let won = try #require(Delta(from: r[.dealsWon].previous, to: r[.dealsWon].current))
        #expect(won.absolute == 1 && won.relative == nil)
        #expect(Delta(from: nil, to: 1) == nil)
        #expect(Delta(from: -10, to: -5)?.relative == 0.5)
    }

    @Test("without the deals table, deal figures carry a note, not a zero")
    func noDeals() throws {
        let db = try FixtureDB(omitTables: ["deals", "deal_stages", "pipeline_stages"])
        try db.contact(1)
        try db.order(1, contact: 1, at: "2026-11-17", amount: 10)
        let s = try db.snapshot(asOf: "2026-11-23")
        let r = SummaryReport.compute(s, period: ReportPeriod.latest(.week, asOfDay: CivilDate.parse("2026-11-23") ?? 0))
        #expect(r[.revenue].current == 10)
        #expect(r[.dealsWon].current == nil && r[.dealsWon].unavailable == .tableAbsent("deals"))
    }
}

