import CRMData
import Statistics

extension CampaignReport {
    /// Folds the snapshot into the campaign report: one pass over members to pick the campaigns,
    /// one counting sort of orders by contact, one pass over the chosen campaigns' members (each
    /// scans its contact's few orders) and one pass over messages.
    public static func compute(_ s: Snapshot, config: ReportConfig, period: ReportPeriod) -> CampaignReport {
        let lookbackStart = s.zone.startOfDay(period.endDay - 7 * lookbackWeeks)
        let persistenceDays = max(1, config.campaignPersistenceDays)
        let defaultWindow = max(1, config.campaignWindowDays)
        func empty(_ reason: Reason?) -> CampaignReport {
            CampaignReport(campaigns: [], lookbackStart: lookbackStart, asOf: s.asOf, defaultWindowDays: defaultWindow,
                           persistenceDays: persistenceDays, unavailable: reason)
        }
        guard let camp = s.campaigns else { return empty(.tableAbsent("campaigns")) }
        guard let mem = s.campaignMembers else { return empty(.tableAbsent("campaign_members")) }

        let dayMs = Instant.msPerDay
        let nc = camp.count
        let windowMs = (0..<nc).map { Int64(camp.windowDays[$0] >= 1 ? Int(camp.windowDays[$0]) : defaultWindow) * dayMs }
        let persistenceMs = Int64(persistenceDays) * dayMs

        // Pass 1: the span of assignments of each campaign, to choose the campaigns shown.
        var first = [Int64](repeating: .max, count: nc)
        var last = [Int64](repeating: .min, count: nc)
        for m in 0..<mem.count {
            let c = Int(mem.campaign[m])
            guard c >= 0 && c < nc else { continue }
            let a = mem.assignedAt[m].ms
            if a < first[c] { first[c] = a }
            if a > last[c] { last[c] = a }
        }
        // A campaign with members whose latest window closes after the lookback start.
        let shown = (0..<nc).map { c in last[c] != .min && last[c] + windowMs[c] > lookbackStart.ms }
        guard shown.contains(true) else { return empty(nil) }

        // Pass 2: each member's outcome in its window and in the persistence window after it.
        let orders = OrdersByContact(s.orders, contactCount: s.contacts.count)
        var arms = [ArmOutcome](repeating: ArmOutcome(), count: nc * 4)   // [c * 4 + window * 2 + arm]
        // Control memberships by contact, for the contamination check: member rows of shown campaigns.
        var controlStart = [Int](repeating: 0, count: s.contacts.count + 1)
        for m in 0..<mem.count {
            let c = Int(mem.campaign[m])
            guard c >= 0 && c < nc, shown[c] else { continue }
            let k = Int(mem.contact[m])
            guard k >= 0 && k < s.contacts.count else { continue }
            let a = mem.assignedAt[m].ms
            let windowEnd = a + windowMs[c]
            let persistenceEnd = windowEnd + persistenceMs
            var converted = false, revenue = Money.zero, later = false, laterRevenue = Money.zero
            for j in orders.start[k]..<orders.start[k + 1] {
                let t = orders.at[j]
                if t >= a && t < windowEnd {
                    converted = true
                    revenue += orders.amount[j]
                } else if t >= windowEnd && t < persistenceEnd {
                    later = true
                    laterRevenue += orders.amount[j]
                }
            }
            let arm = mem.arm[m] == .treatment ? 0 : 1
            arms[c * 4 + arm].add(converted: converted, revenue: revenue)
            if windowEnd < s.asOf.ms { arms[c * 4 + 2 + arm].add(converted: later, revenue: laterRevenue) }
            if arm == 1 { controlStart[k + 1] += 1 }
        }

        // Pass 3: messages of the shown campaigns: the funnel, and control members who were messaged.
        var funnels: [MessageFunnel]? = nil
        var contaminated = [Int](repeating: 0, count: nc)
        if let msg = s.messages {
            var f = [MessageFunnel](repeating: MessageFunnel(), count: nc)
            let controls = ControlMemberships(mem, shown: shown, counts: controlStart)
            var flagged = [Bool](repeating: false, count: controls.campaign.count)
            for i in 0..<msg.count {
                let c = Int(msg.campaign[i])
                guard c >= 0 && c < nc, shown[c] else { continue }
                f[c].sent += 1
                if msg.deliveredAt[i].exists { f[c].delivered += 1 }
                if msg.openedAt[i].exists { f[c].opened += 1 }
                if msg.clickedAt[i].exists { f[c].clicked += 1 }
                if msg.unsubscribedAt[i].exists { f[c].unsubscribed += 1 }
                if msg.bounce[i] == .hard { f[c].hardBounces += 1 }
                let k = Int(msg.contact[i])
                guard k >= 0 && k + 1 < controls.start.count else { continue }
                for j in controls.start[k]..<controls.start[k + 1] where controls.campaign[j] == Int32(c) && !flagged[j] {
                    flagged[j] = true
                    contaminated[c] += 1
                }
            }
            funnels = f
        }

        var results: [CampaignResult] = []
        for c in 0..<nc where shown[c] {
            let firstWindowClose = first[c] + windowMs[c]
            let windowsClose = Instant(ms: last[c] + windowMs[c])
            let persistenceClose = Instant(ms: last[c] + windowMs[c] + persistenceMs)
            let hasControl = arms[c * 4 + 1].n > 0
            let effect = ArmComparison(treatment: arms[c * 4], control: hasControl ? arms[c * 4 + 1] : nil)
            let persistence = ArmComparison(treatment: arms[c * 4 + 2], control: hasControl ? arms[c * 4 + 3] : nil)
            let cost: Double? = camp.cost[c].exists ? camp.cost[c].major : nil
            var roi: Double? = nil
            if let cost, cost > 0, let inc = effect.incrementalRevenue { roi = (inc - cost) / cost }
            results.append(CampaignResult(
                id: camp.id[c], name: camp.name[c], channel: s.vocabulary.channels[camp.channel[c]],
                kind: s.vocabulary.campaignKinds[camp.kind[c]], startedAt: camp.startedAt[c], endedAt: camp.endedAt[c],
                cost: cost, windowDays: Int(windowMs[c] / dayMs),
                firstAssigned: Instant(ms: first[c]), lastAssigned: Instant(ms: last[c]),
                windowsClose: windowsClose, status: windowsClose > s.asOf ? .inProgress : .complete,
                effect: effect, roi: roi, contaminatedControls: contaminated[c], persistenceDays: persistenceDays,
                persistence: persistence,
                persistenceStatus: firstWindowClose >= s.asOf.ms ? .notStarted : (persistenceClose > s.asOf ? .inProgress : .complete),
                persistenceClose: persistenceClose, messages: funnels?[c]))
        }
        results.sort { $0.startedAt != $1.startedAt ? $0.startedAt > $1.startedAt : $0.id > $1.id }
        return CampaignReport(campaigns: results, lookbackStart: lookbackStart, asOf: s.asOf, defaultWindowDays: defaultWindow,
                              persistenceDays: persistenceDays, unavailable: nil)
    }
}

/// The control-arm member rows of the shown campaigns grouped by contact (a counting sort),
/// so each campaign message finds in a step or two whether it reached a control member.
struct ControlMemberships {
    /// The campaigns in which contact k is a control member: `campaign[start[k] ..< start[k + 1]]`.
    let start: [Int]
    let campaign: [Int32]

    /// `counts[k + 1]` holds contact k's control memberships in shown campaigns.
    init(_ mem: CampaignMemberTable, shown: [Bool], counts: [Int]) {
        var start = counts
        let contacts = start.count - 1
        for k in 0..<max(0, contacts) { start[k + 1] += start[k] }
        var fill = start
        let total = start.last ?? 0
        var campaign = [Int32](repeating: -1, count: total)
        for m in 0..<mem.count where mem.arm[m] == .control {
            let c = Int(mem.campaign[m]), k = Int(mem.contact[m])
            guard c >= 0 && c < shown.count, shown[c], k >= 0 && k < contacts, fill[k] < start[k + 1] else { continue }
            campaign[fill[k]] = Int32(c)
            fill[k] += 1
        }
        self.start = start
        self.campaign = campaign
    }
}
