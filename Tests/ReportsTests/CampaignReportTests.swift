import CRMData
import Reports
import Testing
import TestSupport

/// The campaign report on a small hand-made CRM, as of 2026-03-01 (a Sunday). The report
/// period is the ISO week 16–22 Feb 2026, so the 13-week lookback starts on 24 Nov 2025.
/// Expected values are worked out by hand (rates, sums) or, for the intervals, by the
/// textbook formulas in Python/SciPy (Wilson/Newcombe, pooled z, Welch with scipy.stats.t).
@Suite struct CampaignReportTests {
    static func fixture() throws -> FixtureDB {
        let db = try FixtureDB()
        for id in [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 20, 21, 22, 30, 31, 40] { try db.contact(id) }

        // Campaign 1: a 7-day window from 10 Jan; treatment 1-5, control 6-8; cost 50.
        try db.campaign(1, name: "Winter sale", started: "2026-01-10", ended: "2026-01-11", cost: 50, windowDays: 7)
        for c in 1...5 { try db.member(1, contact: c, arm: "treatment", at: "2026-01-10 00:00:00") }
        for c in 6...8 { try db.member(1, contact: c, arm: "control", at: "2026-01-10 00:00:00") }
        try db.order(1, contact: 1, at: "2026-01-10 00:00:00", amount: 100)              // first moment of the window: in
        try db.order(2, contact: 2, at: "2026-01-17 00:00:00", amount: 50)               // the window's end (exclusive): out; persistence: in
        try db.order(3, contact: 3, at: "2026-01-16 23:59:59", amount: 30)               // last second of the window: in
        try db.order(4, contact: 3, at: "2026-01-12 00:00:00", amount: 999, status: "returned")
        try db.order(5, contact: 4, at: "2026-01-11 00:00:00", amount: 40, status: "returned")
        try db.order(6, contact: 5, at: "2026-01-09 23:59:59", amount: 20)               // a second before the window: out
        try db.order(7, contact: 6, at: "2026-01-12 00:00:00", amount: 10)
        try db.order(8, contact: 8, at: "2026-01-13 00:00:00", amount: 25, status: "cancelled")

        // Campaign 2: the config's default window (14 days) from 20 Feb 10:00, still open at the as-of moment.
        try db.campaign(2, name: "Late promo", channel: "sms", started: "2026-02-20")
        try db.member(2, contact: 10, arm: "treatment", at: "2026-02-20 10:00:00")
        try db.member(2, contact: 11, arm: "treatment", at: "2026-02-20 10:00:00")
        try db.member(2, contact: 12, arm: "control", at: "2026-02-20 10:00:00")
        try db.order(10, contact: 10, at: "2026-02-28 10:00:00", amount: 10)
        try db.order(11, contact: 11, at: "2026-03-02 10:00:00", amount: 500)           // after the as-of moment: unseen

        // Campaigns 3 and 4: contact 20 is treated in 3 and a control in 4; one order falls in both windows.
        try db.campaign(3, name: "Member A", started: "2026-01-01", windowDays: 14)
        try db.member(3, contact: 20, arm: "treatment", at: "2026-01-01 00:00:00")
        try db.member(3, contact: 21, arm: "control", at: "2026-01-01 00:00:00")
        try db.campaign(4, name: "Member B", started: "2026-01-05", windowDays: 14)
        try db.member(4, contact: 22, arm: "treatment", at: "2026-01-05 00:00:00")
        try db.member(4, contact: 20, arm: "control", at: "2026-01-05 00:00:00")
        try db.order(20, contact: 20, at: "2026-01-06 00:00:00", amount: 70)

        // Campaign 5: no control arm.
        try db.campaign(5, name: "No control", started: "2026-02-01", windowDays: 14)
        try db.member(5, contact: 30, arm: "treatment", at: "2026-02-01 00:00:00")
        try db.member(5, contact: 31, arm: "treatment", at: "2026-02-01 00:00:00")
        try db.order(30, contact: 30, at: "2026-02-03 00:00:00", amount: 15)

        // Campaigns 6-8 test the lookback: 6 closed long ago, 7 closes exactly at its start, 8 a second after.
        try db.campaign(6, name: "Old", started: "2025-10-01", windowDays: 14)
        try db.member(6, contact: 40, arm: "treatment", at: "2025-10-01 00:00:00")
        try db.campaign(7, name: "Edge out", started: "2025-11-10", windowDays: 14)
        try db.member(7, contact: 40, arm: "treatment", at: "2025-11-10 00:00:00")
        try db.campaign(8, name: "Edge in", started: "2025-11-10", windowDays: 14)
        try db.member(8, contact: 40, arm: "treatment", at: "2025-11-10 00:00:01")
        // Campaign 9 starts after the as-of moment: not visible.
        try db.campaign(9, name: "Future", started: "2026-03-05", windowDays: 14)

        // Messages of campaign 1 (and two others).
        try db.message(1, campaign: 1, contact: 1, sent: "2026-01-10 01:00:00", delivered: "2026-01-10 01:01:00",
                       opened: "2026-01-10 02:00:00", clicked: "2026-01-10 02:01:00")
        try db.message(2, campaign: 1, contact: 2, sent: "2026-01-10 01:00:00", delivered: "2026-01-10 01:01:00", opened: "2026-01-10 03:00:00")
        try db.message(3, campaign: 1, contact: 3, sent: "2026-01-10 01:00:00", delivered: "2026-01-10 01:01:00", unsubscribed: "2026-01-11 00:00:00")
        try db.message(4, campaign: 1, contact: 4, sent: "2026-01-10 01:00:00", bounce: "hard")
        try db.message(5, campaign: 1, contact: 5, sent: "2026-01-10 01:00:00", delivered: "2026-01-10 01:01:00", opened: "2026-03-05 00:00:00")
        try db.message(6, campaign: 1, contact: 6, sent: "2026-01-10 01:00:00", delivered: "2026-01-10 01:01:00")   // a control member: contamination
        try db.message(7, campaign: 1, contact: 6, sent: "2026-01-11 01:00:00")                                     // the same member again: counted once
        try db.message(8, campaign: 3, contact: 7, sent: "2026-01-01 01:00:00")   // control of 1, but a message of 3
        try db.message(9, campaign: nil, contact: 8, sent: "2026-01-10 01:00:00")
        return db
    }

    @Test func selectionAndOrder() throws {
        let r = try Self.fixture().campaignReport(asOf: "2026-03-01")
        #expect(r.unavailable == nil)
        // Newest first; 6 and 7 closed before the lookback start (24 Nov 2025), 9 has not started.
        #expect(r.campaigns.map(\.id) == [2, 5, 1, 4, 3, 8])
        // By incremental revenue: 1 (113.33), 3 (70), 2 (10), 4 (-70); 5 and 8 are not measurable.
        #expect(r.rankedByIncrementalRevenue.map(\.id) == [1, 3, 2, 4])
    }

    @Test func windowBoundariesReturnsAndCancellations() throws {
        let c = try #require(try Self.fixture().campaignReport(asOf: "2026-03-01").campaign(1))
        #expect(c.windowDays == 7)
        #expect(c.status == .complete)
        let e = c.effect
        // Treatment: contacts 1 (100, first moment) and 3 (30, last second; the returned 999 does not count).
        #expect(e.treatment.n == 5 && e.treatment.converted == 2 && e.treatment.revenue == 130)
        #expect(close(e.treatment.rate, 0.4) && close(e.treatment.revenuePerMember, 26))
        // Control: contact 6 (10); the cancelled order of 8 does not count.
        let ctl = try #require(e.control)
        #expect(ctl.n == 3 && ctl.converted == 1 && ctl.revenue == 10)
        #expect(close(ctl.rate, 1.0 / 3) && close(ctl.revenuePerMember, 10.0 / 3))
        #expect(close(e.uplift, 0.4 - 1.0 / 3))                        // +6.67 pp
        #expect(close(e.relativeUplift, (0.4 - 1.0 / 3) / (1.0 / 3)))   // +20 %
        #expect(close(e.upliftInterval?.low, -0.4722447487427824))
        #expect(close(e.upliftInterval?.high, 0.5252103363450595))
        #expect(close(e.pValue, 0.8504362683123464))
        #expect(close(e.revenueDifference, 26 - 10.0 / 3))
        #expect(close(e.revenueWelch?.low, -30.79690767348748, 1e-7))
        #expect(close(e.revenueWelch?.high, 76.13024100682081, 1e-7))
        #expect(close(e.revenueWelch?.degreesOfFreedom, 4.2325075387117375, 1e-9))
        #expect(close(e.incrementalConversions, (0.4 - 1.0 / 3) * 5))   // 0.333
        #expect(close(e.incrementalRevenue, (26 - 10.0 / 3) * 5))       // 113.33
        #expect(close(c.roi, ((26 - 10.0 / 3) * 5 - 50) / 50))          // 1.2667
        #expect(e.verdict == .noEffect)
        #expect(close(e.minimumDetectableEffect, 0.9644882571317689))
    }

    @Test func persistence() throws {
        let c = try #require(try Self.fixture().campaignReport(asOf: "2026-03-01").campaign(1))
        // [17 Jan, 18 Mar): contact 2's order at the window's end; open until 18 Mar, after the as-of moment.
        #expect(c.persistenceDays == 60)
        #expect(c.persistenceStatus == .inProgress)
        let p = c.persistence
        #expect(p.treatment.n == 5 && p.treatment.converted == 1 && p.treatment.revenue == 50)
        #expect(p.control?.converted == 0 && p.control?.n == 3)
        #expect(close(p.uplift, 0.2))
        #expect(close(p.upliftInterval?.low, -0.38489440009540904))
        #expect(close(p.upliftInterval?.high, 0.6244653702374747))
        #expect(close(p.pValue, 0.40762594770278093))
        // Control revenues are all 0 (variance 0): Welch still defined, df = n_t - 1 = 4.
        #expect(close(p.revenueWelch?.low, -17.764451051977936, 1e-7))
        #expect(close(p.revenueWelch?.degreesOfFreedom, 4))
        // p_c = 0: relative uplift and MDE undefined.
        #expect(p.relativeUplift == nil && p.minimumDetectableEffect == nil)
        #expect(p.verdict == .noEffect)
    }

    @Test func inProgressWindowClippedByAsOf() throws {
        let c = try #require(try Self.fixture().campaignReport(asOf: "2026-03-01").campaign(2))
        #expect(c.windowDays == 14)
        #expect(c.status == .inProgress)
        #expect(c.windowsClose == Instant(ms: c.lastAssigned.ms + 14 * Instant.msPerDay))
        // Contact 11's order of 2 Mar is after the as-of moment: only contact 10 converted so far.
        #expect(c.effect.treatment.converted == 1 && c.effect.treatment.revenue == 10)
        #expect(close(c.effect.uplift, 0.5))
        #expect(close(c.effect.upliftInterval?.low, -0.39104934410983583))
        #expect(close(c.effect.upliftInterval?.high, 0.9054687942657693))
        #expect(close(c.effect.pValue, 0.3864762307712327))
        #expect(c.effect.revenueWelch == nil)   // a control arm of 1
        #expect(close(c.effect.incrementalRevenue, 10))
        #expect(c.cost == nil && c.roi == nil)
        // No member's window has closed, so none has a persistence outcome yet (not a zero one).
        #expect(c.persistenceStatus == .notStarted && c.persistence.treatment.n == 0 && c.persistence.verdict == .notMeasurable)
        // A week later the window has closed and the later order counts.
        let later = try #require(try Self.fixture().campaignReport(asOf: "2026-03-08").campaign(2))
        #expect(later.status == .complete)
        #expect(later.effect.treatment.converted == 2 && later.effect.treatment.revenue == 510)
    }

    @Test func configDefaultWindow() throws {
        var config = ReportConfig()
        config.campaignWindowDays = 7
        config.campaignPersistenceDays = 30
        let r = try Self.fixture().campaignReport(asOf: "2026-03-01", config: config)
        let c = try #require(r.campaign(2))
        #expect(c.windowDays == 7 && c.status == .complete && c.persistenceDays == 30)
        #expect(r.campaign(1)?.windowDays == 7)   // its own window_days
    }

    @Test func memberOfTwoCampaigns() throws {
        let r = try Self.fixture().campaignReport(asOf: "2026-03-01")
        let a = try #require(r.campaign(3)), b = try #require(r.campaign(4))
        // The 6 Jan order counts in both windows: treated in 3, control in 4.
        #expect(a.effect.treatment.converted == 1 && a.effect.treatment.revenue == 70)
        #expect(b.effect.control?.converted == 1 && b.effect.control?.revenue == 70)
        #expect(close(a.effect.uplift, 1) && close(b.effect.uplift, -1))
        #expect(close(a.effect.upliftInterval?.low, -0.12210872068194178) && close(a.effect.upliftInterval?.high, 1))
        #expect(close(b.effect.upliftInterval?.low, -1) && close(b.effect.upliftInterval?.high, 0.12210872068194178))
        #expect(close(b.effect.pValue, 0.15729920705028516))
        #expect(a.effect.verdict == .noEffect && b.effect.verdict == .noEffect)
        // Arms of size 1: no Welch interval, and the MDE is undefined for p_c of 0 or 1.
        #expect(a.effect.revenueWelch == nil && a.effect.minimumDetectableEffect == nil)
        #expect(close(b.effect.incrementalRevenue, -70))
    }

    @Test func noControlArm() throws {
        let c = try #require(try Self.fixture().campaignReport(asOf: "2026-03-01").campaign(5))
        #expect(c.effect.verdict == .notMeasurable && c.effect.unmeasurable == .noControl)
        #expect(c.effect.control == nil && c.effect.uplift == nil && c.effect.upliftInterval == nil && c.effect.pValue == nil)
        #expect(c.effect.revenueDifference == nil && c.effect.incrementalRevenue == nil && c.roi == nil)
        #expect(c.effect.treatment.n == 2 && c.effect.treatment.converted == 1 && close(c.effect.treatment.revenuePerMember, 7.5))
        #expect(c.persistence.verdict == .notMeasurable)
    }

    @Test func contaminationAndMessageFunnel() throws {
        let r = try Self.fixture().campaignReport(asOf: "2026-03-01")
        let c = try #require(r.campaign(1))
        #expect(c.contaminatedControls == 1)   // contact 6, messaged twice; contact 7's message is of campaign 3
        #expect(c.effect.control?.n == 3)     // stays in the control arm (intention to treat)
        let f = try #require(c.messages)
        #expect(f.sent == 7 && f.delivered == 5 && f.opened == 2 && f.clicked == 1 && f.unsubscribed == 1 && f.hardBounces == 1)
        #expect(close(f.deliveryRate, 5.0 / 7) && close(f.openRate, 0.4) && close(f.clickThroughRate, 0.2))
        #expect(close(f.clickToOpenRate, 0.5) && close(f.unsubscribeRate, 0.2))
        #expect(r.campaign(3)?.messages?.sent == 1 && r.campaign(3)?.contaminatedControls == 0)
        let none = try #require(r.campaign(2)?.messages)
        #expect(none.sent == 0 && none.deliveryRate == nil && none.openRate == nil && none.clickToOpenRate == nil)
    }

    @Test func absentTables() throws {
        let db = try FixtureDB(omitTables: ["campaigns", "campaign_members", "messages"])
        try db.contact(1)
        let r = try db.campaignReport(asOf: "2026-03-01")
        #expect(r.campaigns.isEmpty)
        #expect(r.unavailable == .tableAbsent("campaigns"))
        let noMessages = try FixtureDB(omitTables: ["messages"])
        try noMessages.contact(1)
        try noMessages.contact(2)
        try noMessages.campaign(1, started: "2026-02-01")
        try noMessages.member(1, contact: 1, arm: "treatment", at: "2026-02-01")
        try noMessages.member(1, contact: 2, arm: "control", at: "2026-02-01")
        let m = try #require(try noMessages.campaignReport(asOf: "2026-03-01").campaign(1))
        #expect(m.messages == nil && m.contaminatedControls == 0 && m.effect.verdict == .noEffect)
    }
}

/// The comparison's statistics on arms made by hand: every verdict and the edge cases of
/// metrics.md's small print. Expected intervals from the textbook formulas (SciPy).
@Suite struct ArmComparisonTests {
    static func arm(_ converted: Int, of n: Int, revenue: Double = 1) -> ArmOutcome {
        ArmOutcome(members: (0..<n).map { ($0 < converted, $0 < converted ? revenue : 0) })
    }

    @Test func positive() {
        let c = ArmComparison(treatment: Self.arm(30, of: 100), control: Self.arm(10, of: 100))
        #expect(c.verdict == .positive)
        #expect(close(c.upliftInterval?.low, 0.09000209070489984) && close(c.upliftInterval?.high, 0.30578929058543936))
        #expect(close(c.pValue, 0.00040695201744495973, 1e-12))
        #expect(close(c.relativeUplift, 2))
        #expect(close(c.minimumDetectableEffect, 0.11886119434798037))
    }

    @Test func negative() {
        let c = ArmComparison(treatment: Self.arm(10, of: 100), control: Self.arm(30, of: 100))
        #expect(c.verdict == .negative)
        #expect(close(c.upliftInterval?.high, -0.09000209070489984))
        #expect(close(c.minimumDetectableEffect, 0.18156347343082574))
    }

    @Test func zeroConversionsInBothArms() {
        let c = ArmComparison(treatment: Self.arm(0, of: 10), control: Self.arm(0, of: 20))
        #expect(c.verdict == .noEffect)
        #expect(close(c.uplift, 0) && c.relativeUplift == nil && c.pValue == nil)
        #expect(close(c.upliftInterval?.low, -0.16112515805281935) && close(c.upliftInterval?.high, 0.27753279986288926))
        #expect(c.revenueWelch == nil)                 // both variances 0
        #expect(close(c.revenueDifference, 0) && close(c.incrementalRevenue, 0))
        #expect(c.minimumDetectableEffect == nil)      // p_c = 0
    }

    @Test func everyoneConverted() {
        let c = ArmComparison(treatment: Self.arm(10, of: 10, revenue: 5), control: Self.arm(20, of: 20, revenue: 5))
        #expect(c.verdict == .noEffect)
        #expect(close(c.relativeUplift, 0) && c.pValue == nil && c.revenueWelch == nil && c.minimumDetectableEffect == nil)
        #expect(close(c.upliftInterval?.low, -0.27753279986288915) && close(c.upliftInterval?.high, 0.16112515805281924))
    }

    @Test func zeroVarianceInOneArm() {
        let t = ArmOutcome(members: [(true, 10), (true, 20)])
        let c = ArmComparison(treatment: t, control: Self.arm(0, of: 3))
        // Welch with one variance 0: df = n_t - 1 = 1; 15 ± t(0.975, 1) · √(50/2).
        #expect(close(c.revenueWelch?.low, -48.531023680873474, 1e-6) && close(c.revenueWelch?.high, 78.53102368087347, 1e-6))
    }

    @Test func emptyArms() {
        let noTreatment = ArmComparison(treatment: ArmOutcome(), control: Self.arm(1, of: 5))
        #expect(noTreatment.verdict == .notMeasurable && noTreatment.unmeasurable == .emptyTreatment)
        #expect(noTreatment.control?.n == 5 && noTreatment.uplift == nil && noTreatment.minimumDetectableEffect == nil)
        let noControl = ArmComparison(treatment: Self.arm(1, of: 5), control: ArmOutcome())
        #expect(noControl.verdict == .notMeasurable && noControl.unmeasurable == .noControl)
        #expect(ArmOutcome().rate == nil && ArmOutcome().revenuePerMember == nil)
    }
}
