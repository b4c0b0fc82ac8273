import CRMData
import Formatting
import Reports
import Testing
import TestSupport

/// The funnel fixture: as of Monday 2 March 2026, week periods, 2-week cohorts.
/// Current cohort: deals created 16 Feb – 1 Mar; previous: 2 – 15 Feb. Every expected value
/// below is worked out by hand from these rows.
struct FunnelFixture {
    let db: FixtureDB
    let snapshot: Snapshot
    let config: ReportConfig
    let period: ReportPeriod

    init(minGroup: Int = 2) throws {
        db = try FixtureDB()
        try db.insert("pipeline_stages", ["pipeline": "sales", "stage": "lead", "position": 1])
        try db.insert("pipeline_stages", ["pipeline": "sales", "stage": "meeting", "position": 2])
        try db.insert("pipeline_stages", ["pipeline": "sales", "stage": "proposal", "position": 3])
        try db.contact(1, region: "north")
        // Current cohort.
        // 1: every stage, won after 5 days.
        try db.deal(1, contact: 1, pipeline: "sales", created: "2026-02-16", status: "won", closed: "2026-02-21", amount: 100, owner: "ann", channel: "site")
        try db.stage(deal: 1, "lead", at: "2026-02-16")
        try db.stage(deal: 1, "meeting", at: "2026-02-17")
        try db.stage(deal: 1, "proposal", at: "2026-02-19")
        // 2: skips the meeting (counted as passed, no time for it), lost in the period.
        try db.deal(2, pipeline: "sales", created: "2026-02-17", status: "lost", closed: "2026-02-25", owner: "bob", channel: "site", lostReason: "price")
        try db.stage(deal: 2, "lead", at: "2026-02-17")
        try db.stage(deal: 2, "proposal", at: "2026-02-21")
        // 3: no known stage rows (a row for a stage outside the order is left out).
        try db.deal(3, pipeline: "sales", created: "2026-02-18", owner: "bob", channel: "ads")
        try db.stage(deal: 3, "demo", at: "2026-02-19")
        // 4: meeting entered twice (the first entry counts) and a proposal after the as-of moment (not seen).
        try db.deal(4, pipeline: "sales", created: "2026-02-18 12:00", owner: "bob", channel: "ads")
        try db.stage(deal: 4, "lead", at: "2026-02-18 12:00")
        try db.stage(deal: 4, "meeting", at: "2026-02-22")
        try db.stage(deal: 4, "meeting", at: "2026-02-19 12:00")
        try db.stage(deal: 4, "proposal", at: "2026-03-05")
        // 5: won without any stage row: reached every stage, timed only for won (7 days).
        try db.deal(5, pipeline: "sales", created: "2026-02-20", status: "won", closed: "2026-02-27", amount: 300)
        // 6: a proposal after the as-of moment: still at lead.
        try db.deal(6, pipeline: "sales", created: "2026-02-22")
        try db.stage(deal: 6, "proposal", at: "2026-03-03")
        // 10: won after the as-of moment: open at A.
        try db.deal(10, pipeline: "sales", created: "2026-02-25", status: "won", closed: "2026-03-04", amount: 5000)
        try db.stage(deal: 10, "lead", at: "2026-02-25")
        // Previous cohort.
        try db.deal(7, pipeline: "sales", created: "2026-02-05", status: "lost", closed: "2026-02-20", lostReason: "timing")
        try db.stage(deal: 7, "lead", at: "2026-02-05")
        try db.stage(deal: 7, "meeting", at: "2026-02-07")
        try db.deal(8, pipeline: "sales", created: "2026-02-10", status: "won", closed: "2026-02-14", amount: 50)
        try db.stage(deal: 8, "lead", at: "2026-02-10")
        try db.stage(deal: 8, "meeting", at: "2026-02-11")
        try db.stage(deal: 8, "proposal", at: "2026-02-12")
        // Older: won in the report period after 35 days.
        try db.deal(9, pipeline: "sales", created: "2026-01-20", status: "won", closed: "2026-02-24", amount: 1000)
        // A pipeline without a stage order: observed from the rows (triage 2 rows, fix 1).
        try db.deal(11, pipeline: "support", created: "2026-02-20", status: "won", closed: "2026-02-22", amount: 10)
        try db.stage(deal: 11, "triage", at: "2026-02-20")
        try db.stage(deal: 11, "fix", at: "2026-02-21")
        try db.deal(12, pipeline: "support", created: "2026-02-20")
        try db.stage(deal: 12, "triage", at: "2026-02-20")
        snapshot = try db.snapshot(asOf: "2026-03-02")
        var c = ReportConfig()
        c.funnelWindowWeeks = 2
        c.funnelMinGroup = minGroup
        config = c
        period = ReportPeriod.latest(.week, asOfDay: day("2026-03-02"))
    }

    var report: FunnelReport { FunnelReport.compute(snapshot, config: config, period: period) }
}

func day(_ iso: String) -> Int { CivilDate.parse(iso) ?? Int.min }

@Suite struct FunnelReportTests {
    @Test func stepsOfTheCurrentCohort() throws {
        let r = try FunnelFixture().report
        #expect(r.unavailable == nil)
        #expect(r.pipelines.map(\.name) == ["sales", "support"])
        let p = r.pipelines[0]
        #expect(p.stages == ["lead", "meeting", "proposal"])
        #expect(p.stageSource == .pipelineStages)
        #expect(p.current.cohortStart == day("2026-02-16"))
        #expect(p.current.cohortEnd == day("2026-03-02"))
        let s = p.current.steps
        #expect(s.map(\.stage) == ["lead", "meeting", "proposal", "won"])
        // lead: 1 2 3 4 5 6 10; meeting: 1 2(skipped) 4 5(won); proposal: 1 2 5; won: 1 5.
        #expect(s.map(\.reached) == [7, 4, 3, 2])
        #expect(s.map(\.stepConversion) == ([1, 4.0 / 7, 3.0 / 4, 2.0 / 3] as [Double?]))
        #expect(s.map(\.dropOff) == ([nil, 3, 1, 1] as [Int?]))
        #expect(s.map(\.overallConversion) == ([1, 4.0 / 7, 3.0 / 7, 2.0 / 7] as [Double?]))
        #expect(p.current.overallConversion == 2.0 / 7)
        // Days: lead 0,0,0,0 (1 2 4 10); meeting 1,1 (1; 4's first entry); proposal 3,4; won 5,7.
        #expect(s.map(\.timed) == [4, 2, 2, 2])
        #expect(s.map(\.medianDays) == [0, 1, 3.5, 6])
        #expect(s.map(\.p75Days) == [0, 1, 3.75, 6.5])
        #expect(p.daysToWon.sorted() == [5, 7])
        #expect(p.unknownStageRows == 1)
    }

    @Test func previousCohort() throws {
        let p = try FunnelFixture().report.pipelines[0]
        #expect(p.previous.cohortStart == day("2026-02-02"))
        #expect(p.previous.cohortEnd == day("2026-02-16"))
        let s = p.previous.steps
        // 7 reached the meeting after 2 days and was lost; 8 went through and won after 4 days.
        #expect(s.map(\.reached) == [2, 2, 1, 1])
        #expect(s.map(\.stepConversion) == [1, 1, 0.5, 1])
        #expect(s.map(\.medianDays) == [0, 1.5, 2, 4])
        #expect(s.map(\.p75Days) == [0, 1.75, 2, 4])
        #expect(p.previous.overallConversion == 0.5)
    }

    @Test func breakdownsFoldSmallGroupsAndSortByConversion() throws {
        let p = try FunnelFixture().report.pipelines[0]
        let channel = p.breakdowns[0], owner = p.breakdowns[1], region = p.breakdowns[2]
        #expect(channel.dimension == .channel)
        // site: 1 won, 2 lost at proposal -> 1/2; (none): 5 won, 6, 10 -> 1/3; ads: 3, 4 -> 0.
        #expect(channel.groups.map(\.label) == ["site", "(none)", "ads"])
        #expect(channel.groups.map(\.reached) == [[2, 2, 2, 1], [3, 1, 1, 1], [2, 1, 0, 0]])
        #expect(channel.folded == 0)
        // ann has one deal (< 2): folded into other, shown last.
        #expect(owner.groups.map(\.label) == ["(none)", "bob", "other"])
        #expect(owner.groups.map(\.reached) == [[3, 1, 1, 1], [3, 2, 1, 0], [1, 1, 1, 1]])
        #expect(owner.groups.last?.kind == .other)
        #expect(owner.folded == 1)
        // Only deal 1 has a contact (north, folded); the rest have no region.
        #expect(region.groups.map(\.label) == ["(none)", "other"])
        #expect(region.groups.map(\.reached) == [[6, 3, 2, 1], [1, 1, 1, 1]])
        #expect(region.groups.map(\.overallConversion) == ([1.0 / 6, 1] as [Double?]))
    }

    @Test func minGroupFoldsEverything() throws {
        let p = try FunnelFixture(minGroup: 20).report.pipelines[0]
        #expect(p.breakdowns[0].groups.map(\.label) == ["other"])
        #expect(p.breakdowns[0].groups[0].reached == [7, 4, 3, 2])
        #expect(p.breakdowns[0].folded == 3)
    }

    @Test func closedDeals() throws {
        let p = try FunnelFixture().report.pipelines[0]
        // Period 23 Feb – 1 Mar: 2 lost (price), 5 won 300 after 7 days, 9 won 1000 after 35 days.
        let w = p.closedInPeriod
        #expect(w.startDay == day("2026-02-23"))
        #expect(w.won == 2)
        #expect(w.lost == 1)
        #expect(w.winRate == 2.0 / 3)
        #expect(w.wonAmount == 1300)
        #expect(w.averageWonDeal == 650)
        #expect(w.medianCycleDays == 21)
        #expect(w.lostReasons.map(\.reason) == ["price"])
        // Cohort weeks 16 Feb – 1 Mar: also 1 (won 100, 5 days) and 7 (lost, timing).
        let c = p.closedInWindow
        #expect(c.won == 3)
        #expect(c.lost == 2)
        #expect(c.winRate == 0.6)
        #expect(c.wonAmount == 1400)
        #expect(c.averageWonDeal == 1400.0 / 3)
        #expect(c.medianCycleDays == 7)
        #expect(c.lostReasons.map(\.reason) == ["price", "timing"])
        #expect(c.lostReasons.map(\.count) == [1, 1])
    }

    @Test func observedStageOrder() throws {
        let p = try FunnelFixture().report.pipelines[1]
        #expect(p.stageSource == .observed)
        #expect(p.stages == ["triage", "fix"])
        #expect(p.current.steps.map(\.reached) == [2, 1, 1])
        // An empty cohort: zero reached, null rates, no times.
        #expect(p.previous.steps.map(\.reached) == [0, 0, 0])
        #expect(p.previous.steps.map(\.stepConversion) == ([1, nil, nil] as [Double?]))
        #expect(p.previous.steps.map(\.overallConversion) == ([nil, nil, nil] as [Double?]))
        #expect(p.previous.steps.map(\.medianDays) == ([nil, nil, nil] as [Double?]))
    }

    @Test func configOverridesStageOrder() throws {
        let f = try FunnelFixture()
        var c = f.config
        c.funnelStages = ["sales": ["lead", "proposal"]]
        let p = FunnelReport.compute(f.snapshot, config: c, period: f.period).pipelines[0]
        #expect(p.stageSource == .config)
        // Cohort stage rows outside the order: meeting of 1, 4 (twice), 7, 8, and demo of 3.
        #expect(p.unknownStageRows == 6)
        #expect(p.current.steps.map(\.reached) == [7, 3, 2])
    }

    @Test func withoutDealsTheFunnelIsUnavailable() throws {
        let db = try FixtureDB(omitTables: ["deals", "deal_stages", "pipeline_stages"])
        try db.contact(1)
        let s = try db.snapshot(asOf: "2026-03-02")
        let r = FunnelReport.compute(s, config: ReportConfig(), period: ReportPeriod.latest(.week, asOfDay: day("2026-03-02")))
        #expect(r.pipelines.isEmpty)
        #expect(r.unavailable != nil)
    }

    @Test func dealsWithoutAnyStage() throws {
        let db = try FixtureDB(omitTables: ["deal_stages", "pipeline_stages"])
        try db.deal(1, created: "2026-02-20", status: "won", closed: "2026-02-24", amount: 5)
        try db.deal(2, created: "2026-02-21")
        let s = try db.snapshot(asOf: "2026-03-02")
        let r = FunnelReport.compute(s, config: ReportConfig(), period: ReportPeriod.latest(.week, asOfDay: day("2026-03-02")))
        // No stage known: the funnel runs from creation to won.
        #expect(r.pipelines[0].current.steps.map(\.stage) == ["created", "won"])
        #expect(r.pipelines[0].current.steps.map(\.reached) == [2, 1])
        #expect(r.pipelines[0].current.steps.map(\.medianDays) == ([nil, 4] as [Double?]))
    }
}
