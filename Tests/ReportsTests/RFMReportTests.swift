import CRMData
import Formatting
import Reports
import Testing
import TestSupport

/// As of Monday 2 March 2026 (the previous scoring: 23 February), a 365-day window.
func rfmFixture() throws -> FixtureDB {
    let db = try FixtureDB()
    for id in 1...8 { try db.contact(id, deleted: id == 6 ? "2026-01-01" : nil) }
    // c1: 3 orders (one more returned, one after A).
    try db.order(1, contact: 1, at: "2026-01-10", amount: 100)
    try db.order(2, contact: 1, at: "2026-02-10", amount: 100)
    try db.order(3, contact: 1, at: "2026-03-01", amount: 100)
    try db.order(4, contact: 1, at: "2026-02-11", amount: 700, status: "returned")
    try db.order(5, contact: 1, at: "2026-03-05", amount: 900)
    // c2: new on 1 March.
    try db.order(6, contact: 2, at: "2026-03-01 18:00", amount: 50)
    // c3: one order on 20 Feb.
    try db.order(7, contact: 3, at: "2026-02-20", amount: 50)
    // c4: two big orders last autumn.
    try db.order(8, contact: 4, at: "2025-11-01", amount: 500)
    try db.order(9, contact: 4, at: "2025-12-01", amount: 500)
    // c5: one small order last June.
    try db.order(10, contact: 5, at: "2025-06-01", amount: 20)
    // c6: deleted: out of RFM at both moments.
    try db.order(11, contact: 6, at: "2025-12-20", amount: 80)
    // c7: only a returned order.
    try db.order(12, contact: 7, at: "2026-02-01", amount: 40, status: "returned")
    // c8: inside the previous window (from 23 Feb 2025), outside the current one (from 2 Mar 2025).
    try db.order(13, contact: 8, at: "2025-02-25", amount: 35)
    return db
}

@Suite struct RFMReportTests {
    func report() throws -> RFMReport {
        let s = try rfmFixture().snapshot(asOf: "2026-03-02")
        return RFMReport.compute(s, config: ReportConfig(), period: ReportPeriod.latest(.week, asOfDay: day("2026-03-02")))
    }

    @Test func valuesAndTieStableScores() throws {
        let r = try report()
        let s = try rfmFixture().snapshot(asOf: "2026-03-02")
        let row = Dictionary(uniqueKeysWithValues: s.contacts.id.enumerated().map { (Int($1), $0) })
        func at(_ id: Int) -> Int { row[id] ?? -1 }
        let cur = r.current
        #expect(cur.scored == 5)
        // Recency in calendar days to 2 March: 1, 1, 10, 91, 274.
        #expect([1, 2, 3, 4, 5].map { cur.recencyDays[at($0)] } == [1, 1, 10, 91, 274])
        #expect([1, 2, 3, 4, 5].map { cur.frequency[at($0)] } == [3, 1, 1, 2, 1])
        #expect([1, 2, 3, 4, 5].map { cur.monetary[at($0)].major } == [300, 50, 50, 1000, 20])
        // R: strictly more days -> W = 3, 3, 2, 1, 0 -> 1 + floor(5W/5) = 4, 4, 3, 2, 1 (the tie shares a score).
        #expect([1, 2, 3, 4, 5].map { cur.r[at($0)] } == [4, 4, 3, 2, 1])
        // F: strictly fewer orders -> W = 4, 0, 0, 3, 0.
        #expect([1, 2, 3, 4, 5].map { cur.f[at($0)] } == [5, 1, 1, 4, 1])
        // M: strictly less money -> W = 3, 1, 1, 4, 0.
        #expect([1, 2, 3, 4, 5].map { cur.m[at($0)] } == [4, 2, 2, 5, 1])
        #expect([1, 2, 3, 4, 5].map { cur.segment(ofRow: at($0)) } == [.loyal, .promising, .aboutToSleep, .atRisk, .hibernating])
        #expect([6, 7, 8].map { cur.segment(ofRow: at($0)) } == ([nil, nil, nil] as [RFMReport.Segment?]))
    }

    @Test func segmentsGridAndShares() throws {
        let r = try report()
        let by = Dictionary(uniqueKeysWithValues: r.segments.map { ($0.segment, $0) })
        #expect(r.segments.map(\.segment) == RFMReport.Segment.allCases)
        #expect(by[.loyal]?.customers == 1)
        #expect(by[.loyal]?.revenue == 300)
        #expect(by[.loyal]?.revenueShare == 300.0 / 1420)
        #expect(by[.atRisk]?.customerShare == 0.2)
        #expect(by[.champions]?.customers == 0)
        #expect(by[.champions]?.revenueShare == 0)
        #expect(r.revenue == 1420)
        // grid[r - 1][f - 1]
        var grid = [[Int]](repeating: [0, 0, 0, 0, 0], count: 5)
        grid[3][4] = 1; grid[3][0] = 1; grid[2][0] = 1; grid[1][3] = 1; grid[0][0] = 1
        #expect(r.grid == grid)
    }

    @Test func movementSinceThePreviousPeriod() throws {
        let r = try report()
        // At 23 Feb: c1 13 days F2, c3 3 days F1, c4 84 days F2, c5 267 days F1, c8 363 days F1 (n = 5).
        // R = 4, 5, 3, 2, 1; F = 4, 1, 4, 1, 1 -> loyal, new, loyal, hibernating, hibernating.
        let by = Dictionary(uniqueKeysWithValues: r.segments.map { ($0.segment, $0.previousCustomers) })
        #expect(r.previous.scored == 5)
        #expect(by[.loyal] == 2)
        #expect(by[.new] == 1)
        #expect(by[.hibernating] == 2)
        let all = RFMReport.Segment.allCases
        func i(_ s: RFMReport.Segment?) -> Int { s.flatMap { all.firstIndex(of: $0) } ?? all.count }
        var expected = [[Int]](repeating: [Int](repeating: 0, count: all.count + 1), count: all.count + 1)
        expected[i(.loyal)][i(.loyal)] = 1            // c1
        expected[i(nil)][i(.promising)] = 1           // c2, new to RFM
        expected[i(.new)][i(.aboutToSleep)] = 1       // c3
        expected[i(.loyal)][i(.atRisk)] = 1           // c4: this week's at-risk customer was loyal
        expected[i(.hibernating)][i(.hibernating)] = 1 // c5
        expected[i(.hibernating)][i(nil)] = 1         // c8 left the window
        #expect(r.transitions == expected)
    }

    @Test func segmentBoundaries() {
        // The table of metrics.md, cell by cell: rows R 1...5, columns F 1...5.
        let table: [[RFMReport.Segment]] = [
            [.hibernating, .hibernating, .atRisk, .atRisk, .cantLose],
            [.hibernating, .hibernating, .atRisk, .atRisk, .cantLose],
            [.aboutToSleep, .aboutToSleep, .needAttention, .loyal, .loyal],
            [.promising, .potentialLoyalists, .potentialLoyalists, .loyal, .loyal],
            [.new, .potentialLoyalists, .potentialLoyalists, .champions, .champions],
        ]
        for r in 1...5 { for f in 1...5 { #expect(RFMReport.Segment.of(r: r, f: f) == table[r - 1][f - 1], "R\(r) F\(f)") } }
        #expect(RFMReport.Segment.allCases.map(\.rawValue).sorted() == ["about_to_sleep", "at_risk", "cant_lose", "champions", "hibernating", "loyal", "need_attention", "new", "potential_loyalists", "promising"])
    }

    @Test func tenCustomersSpreadOverEveryScore() throws {
        // F = 1...10 orders: W = 0...9 -> scores 1 1 2 2 3 3 4 4 5 5.
        let db = try FixtureDB()
        var id = 0
        for c in 1...10 {
            try db.contact(c)
            for _ in 0..<c { id += 1; try db.order(id, contact: c, at: "2026-02-01", amount: 1) }
        }
        let s = try db.snapshot(asOf: "2026-03-02")
        let r = RFMReport.compute(s, config: ReportConfig(), period: ReportPeriod.latest(.week, asOfDay: day("2026-03-02")))
        #expect((0..<10).map { r.current.f[$0] } == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        // All tied on recency: nobody is strictly worse, everyone scores 1.
        #expect((0..<10).map { r.current.r[$0] } == Array(repeating: 1, count: 10))
    }

    @Test func noCustomers() throws {
        let db = try FixtureDB()
        try db.contact(1)
        let s = try db.snapshot(asOf: "2026-03-02")
        let r = RFMReport.compute(s, config: ReportConfig(), period: ReportPeriod.latest(.week, asOfDay: day("2026-03-02")))
        #expect(r.customers == 0)
        #expect(r.segments.allSatisfy { $0.customerShare == nil && $0.revenueShare == nil })
    }
}
