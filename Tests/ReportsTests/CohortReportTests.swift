import CRMData
import Formatting
import Reports
import Testing
import TestSupport

/// Eight contacts whose cohorts and periods are worked out by hand below.
func cohortFixture(costs: Bool = true) throws -> FixtureDB {
    let db = costs ? try FixtureDB() : try FixtureDB(omitTables: ["acquisition_costs"])
    try db.contact(1, source: "ads")
    try db.contact(2, source: "ads")
    try db.contact(3, source: "site")
    try db.contact(4)
    try db.contact(5, source: "site")
    try db.contact(6, source: "ads", deleted: "2026-03-01")
    try db.contact(7, source: "site")
    try db.contact(8, source: "site")
    // c1: Jan cohort; Feb 50; April has not ended at A (15 Apr) and is not shown.
    try db.order(1, contact: 1, at: "2026-01-05", amount: 100)
    try db.order(2, contact: 1, at: "2026-02-10", amount: 50)
    try db.order(3, contact: 1, at: "2026-04-02", amount: 70)
    // c2: Jan cohort; a returned order in Feb never counts; Mar 30.
    try db.order(4, contact: 2, at: "2026-01-20", amount: 200)
    try db.order(5, contact: 2, at: "2026-02-15", amount: 999, status: "returned")
    try db.order(6, contact: 2, at: "2026-03-03", amount: 30)
    // c3: Jan cohort (last hour of January).
    try db.order(7, contact: 3, at: "2026-01-31 23:00", amount: 10)
    // c4: a December customer (cohort not shown) ordering in January.
    try db.order(8, contact: 4, at: "2025-12-15", amount: 5)
    try db.order(9, contact: 4, at: "2026-01-10", amount: 40)
    // c5: Mar cohort, two orders.
    try db.order(10, contact: 5, at: "2026-03-10", amount: 80)
    try db.order(11, contact: 5, at: "2026-03-20", amount: 20)
    // c6: deleted later; its history still counts (Feb cohort).
    try db.order(12, contact: 6, at: "2026-02-05", amount: 60)
    // c7: only a returned order: not a customer.
    try db.order(13, contact: 7, at: "2026-01-10", amount: 15, status: "returned")
    // c8: cancelled in Jan, first completed in Feb.
    try db.order(14, contact: 8, at: "2026-01-15", amount: 33, status: "cancelled")
    try db.order(15, contact: 8, at: "2026-02-20", amount: 25)
    if costs {
        try db.insert("acquisition_costs", ["source": "ads", "day": "2026-01-03", "amount": 1000])
        try db.insert("acquisition_costs", ["source": "ads", "day": "2026-02-01", "amount": 500])
        try db.insert("acquisition_costs", ["source": "site", "day": "2026-01-15", "amount": 30])
        // Spend in April (the month holding A) and before the shown cohorts belongs to no shown cohort.
        try db.insert("acquisition_costs", ["source": "ads", "day": "2026-04-05", "amount": 700])
        try db.insert("acquisition_costs", ["source": "ads", "day": "2025-12-05", "amount": 70])
    }
    return db
}

@Suite struct CohortReportTests {
    func monthly(costs: Bool = true) throws -> CohortReport {
        var c = ReportConfig()
        c.cohortCount = 3
        return CohortReport.compute(try cohortFixture(costs: costs).snapshot(asOf: "2026-04-15"), config: c)
    }

    @Test func monthlyCohorts() throws {
        let r = try monthly()
        #expect(r.cohorts.map(\.label) == ["2026-01", "2026-02", "2026-03"])
        #expect(r.cohorts.map(\.size) == [3, 2, 1])
        // Jan: c1 c2 c3 in Jan (310); c1 in Feb (50); c2 in Mar (30). April is not over: not shown.
        #expect(r.cohorts[0].active == [3, 1, 1])
        #expect(r.cohorts[0].revenue == [310, 50, 30])
        #expect(r.cohorts[0].retention == ([1, 1.0 / 3, 1.0 / 3] as [Double?]))
        #expect(r.cohorts[0].revenuePerCustomer == ([310.0 / 3, 50.0 / 3, 10] as [Double?]))
        #expect(r.cohorts[0].cumulativeLTV == ([310.0 / 3, 120, 130] as [Double?]))
        // Feb: c6 (60) and c8 (25); nobody in March.
        #expect(r.cohorts[1].active == [2, 0])
        #expect(r.cohorts[1].retention == [1, 0])
        #expect(r.cohorts[1].cumulativeLTV == [42.5, 42.5])
        // Mar: c5, two orders, one customer.
        #expect(r.cohorts[2].active == [1])
        #expect(r.cohorts[2].revenue == [100])
        #expect(r.cohorts[2].startDay == day("2026-03-01"))
        #expect(r.cohorts[2].endDay == day("2026-04-01"))
    }

    @Test func ltvAndCacBySource() throws {
        let r = try monthly()
        #expect(r.hasCosts)
        #expect(r.bySource.map(\.source) == ["ads", "ads", "ads", "site", "site", "site"])
        #expect(r.bySource.map(\.periods) == [3, 6, 12, 3, 6, 12])
        // N = 3: only January has 3 complete periods. ads: c1 (100 + 50) and c2 (200 + 30) -> 190; spend in Jan 1000.
        let ads = r.bySource[0]
        #expect(ads.cohorts == 1)
        #expect(ads.customers == 2)
        #expect(ads.ltv == 190)
        #expect(ads.spend == 1000)
        #expect(ads.cac == 500)
        #expect(ads.ltvCac == 0.38)
        let site = r.bySource[3]
        #expect(site.customers == 1)
        #expect(site.ltv == 10)
        #expect(site.cac == 30)
        #expect(site.ltvCac == 10.0 / 30)
        // N = 6: no cohort is old enough.
        #expect(r.bySource[1].customers == 0)
        #expect(r.bySource[1].ltv == nil)
        #expect(r.bySource[1].cac == nil)
        #expect(r.bySource[1].ltvCac == nil)
        // Every source: the January cohort's cumulative LTV at period 2.
        #expect(r.overall[0].customers == 3)
        #expect(r.overall[0].ltv == 130)
        #expect(r.overall[0].spend == 1030)
    }

    @Test func withoutCostsCacIsNull() throws {
        let r = try monthly(costs: false)
        #expect(!r.hasCosts)
        #expect(r.bySource[0].ltv == 190)
        #expect(r.bySource[0].spend == nil)
        #expect(r.bySource[0].cac == nil)
        #expect(r.bySource[0].ltvCac == nil)
    }

    @Test func zeroSpendGivesNullRatio() throws {
        let db = try cohortFixture()
        try db.execute("UPDATE acquisition_costs SET amount = 0")
        var c = ReportConfig()
        c.cohortCount = 3
        let r = CohortReport.compute(try db.snapshot(asOf: "2026-04-15"), config: c)
        #expect(r.bySource[0].spend == 0)
        #expect(r.bySource[0].cac == 0)
        #expect(r.bySource[0].ltvCac == nil)
    }

    @Test func weeklyCohortsWithEmptyWeeks() throws {
        var c = ReportConfig()
        c.cohortGrain = .week
        c.cohortCount = 4
        // A = Monday 16 Mar: weeks of 16 Feb, 23 Feb, 2 Mar, 9 Mar have ended. c5's order of 20 Mar is after A.
        let r = CohortReport.compute(try cohortFixture().snapshot(asOf: "2026-03-16"), config: c)
        #expect(r.cohorts.map(\.label) == ["2026-W08", "2026-W09", "2026-W10", "2026-W11"])
        #expect(r.cohorts.map(\.size) == [1, 0, 0, 1])
        #expect(r.cohorts[0].active == [1, 0, 0, 0])
        #expect(r.cohorts[0].revenue == [25, 0, 0, 0])
        // An empty cohort: size 0, null rates.
        #expect(r.cohorts[1].retention == ([nil, nil, nil] as [Double?]))
        #expect(r.cohorts[1].cumulativeLTV == ([nil, nil, nil] as [Double?]))
        #expect(r.cohorts[3].revenue == [80])
    }

    @Test func asOfMidMonthHidesTheRunningMonth() throws {
        var c = ReportConfig()
        c.cohortCount = 2
        // A = 1 April: March has just ended, so it is the last cohort; A = 31 March: February is.
        let a = CohortReport.compute(try cohortFixture().snapshot(asOf: "2026-04-01"), config: c)
        #expect(a.cohorts.map(\.label) == ["2026-02", "2026-03"])
        let b = CohortReport.compute(try cohortFixture().snapshot(asOf: "2026-03-31"), config: c)
        #expect(b.cohorts.map(\.label) == ["2026-01", "2026-02"])
        #expect(b.cohorts.first?.active == [3, 1])
    }
}
