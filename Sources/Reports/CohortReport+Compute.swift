import CRMData
import Formatting

extension CohortReport {
    /// Folds the completed orders into the cohorts: one pass to find each customer's first
    /// order, one to place every order in its cohort and period, one over the acquisition costs.
    public static func compute(_ s: Snapshot, config: ReportConfig) -> CohortReport {
        let grain = config.cohortGrain
        let count = max(1, config.cohortCount)
        let zone = s.zone
        let asOfDay = zone.day(of: s.asOf)
        // The unit holding the as-of day has not ended; the one before it has (its end is at or before A).
        let lastUnit = unit(asOfDay, grain) - 1
        let firstUnit = lastUnit - count + 1
        let firstDay = unitStart(firstUnit, grain)
        // Local day -> unit index from firstUnit, for the days of the shown cohorts up to A.
        let span = max(0, asOfDay - firstDay)
        var dayUnit = [Int16](repeating: 0, count: span)
        for k in 0..<span { dayUnit[k] = Int16(clamping: unit(firstDay + k, grain) - firstUnit) }
        let firstMs = zone.startOfDay(firstDay).ms

        // Each customer's first completed order (over all history: an earlier first order puts them in an earlier cohort).
        let o = s.orders
        let nContacts = s.contacts.count
        var first = [Int64](repeating: .max, count: nContacts)
        for i in 0..<o.count where o.status[i] == .completed {
            let c = Int(o.contact[i])
            if o.orderedAt[i].ms < first[c] { first[c] = o.orderedAt[i].ms }
        }
        var cohortOf = [Int16](repeating: -1, count: nContacts)
        let nSources = s.vocabulary.sources.count + 1
        var size = [Int](repeating: 0, count: count)
        var sizeBySource = [Int](repeating: 0, count: nSources * count)
        for c in 0..<nContacts where first[c] != .max && first[c] >= firstMs {
            let d = zone.day(of: Instant(ms: first[c])) - firstDay
            guard d >= 0, d < span else { continue }
            let ci = Int(dayUnit[d])
            if ci >= count { continue }   // acquired in the unit holding A, which has not ended
            cohortOf[c] = Int16(ci)
            size[ci] += 1
            sizeBySource[(Int(s.contacts.source[c]) + 1) * count + ci] += 1
        }

        // Orders in their cohort's periods that have ended (all of them are before A; a period ends by lastUnit).
        let words = (count + 63) / 64
        var seen = [UInt64](repeating: 0, count: nContacts * words)
        var revenue = [Money](repeating: .zero, count: count * count)
        var revenueBySource = [Money](repeating: .zero, count: nSources * count * count)
        for i in 0..<o.count where o.status[i] == .completed {
            let c = Int(o.contact[i])
            let ci = Int(cohortOf[c])
            if ci < 0 { continue }
            let d = zone.day(of: o.orderedAt[i]) - firstDay
            guard d >= 0, d < span else { continue }
            let k = Int(dayUnit[d]) - ci
            guard k >= 0, ci + k < count else { continue }   // the unit holding A is past lastUnit
            revenue[ci * count + k] += o.amount[i]
            revenueBySource[((Int(s.contacts.source[c]) + 1) * count + ci) * count + k] += o.amount[i]
            seen[c * words + k / 64] |= 1 << UInt64(k % 64)
        }
        var active = [Int](repeating: 0, count: count * count)
        for c in 0..<nContacts where cohortOf[c] >= 0 {
            let ci = Int(cohortOf[c])
            for w in 0..<words {
                var bits = seen[c * words + w]
                while bits != 0 {
                    active[ci * count + w * 64 + bits.trailingZeroBitCount] += 1
                    bits &= bits - 1
                }
            }
        }
        let cohorts = (0..<count).map { ci -> Cohort in
            let u = firstUnit + ci
            let periods = count - ci
            return Cohort(label: label(u, grain), startDay: unitStart(u, grain), endDay: unitStart(u + 1, grain), size: size[ci],
                          active: Array(active[(ci * count)..<(ci * count + periods)]),
                          revenue: revenue[(ci * count)..<(ci * count + periods)].map(\.major))
        }

        // Acquisition spend per source and cohort unit.
        var spend = [Money](repeating: .zero, count: nSources * count)
        if let costs = s.acquisitionCosts {
            for i in 0..<costs.count {
                let d = costs.day[i] - firstDay
                guard d >= 0, d < span, Int(dayUnit[d]) < count else { continue }
                spend[(Int(costs.source[i]) + 1) * count + Int(dayUnit[d])] += costs.amount[i]
            }
        }
        let hasCosts = s.acquisitionCosts != nil

        /// LTV at N for a set of source rows (code + 1).
        func ltv(_ name: String, _ sources: [Int], _ n: Int) -> SourceLTV {
            // Cohort ci has count - ci complete periods.
            let pooled = (0..<count).filter { count - $0 >= n }
            var customers = 0, money = Money.zero, spent = Money.zero
            for src in sources {
                for ci in pooled {
                    customers += sizeBySource[src * count + ci]
                    spent += spend[src * count + ci]
                    for k in 0..<n { money += revenueBySource[(src * count + ci) * count + k] }
                }
            }
            let value = customers > 0 ? money.major / Double(customers) : nil
            let cac = hasCosts && customers > 0 ? spent.major / Double(customers) : nil
            return SourceLTV(source: name, periods: n, cohorts: pooled.count, customers: customers, ltv: value,
                             spend: hasCosts ? spent.major : nil, cac: cac,
                             ltvCac: (cac ?? 0) > 0 ? value.map { $0 / (cac ?? 1) } : nil)
        }
        let customersBySource = (0..<nSources).map { src in (0..<count).reduce(0) { $0 + sizeBySource[src * count + $1] } }
        let sources = (0..<nSources).filter { customersBySource[$0] > 0 }
            .map { (row: $0, name: $0 == 0 ? FunnelReport.noneGroup : s.vocabulary.sources.values[$0 - 1]) }
            .sorted { (customersBySource[$1.row], $0.name) < (customersBySource[$0.row], $1.name) }
        let bySource = sources.flatMap { src in ltvPeriods.map { ltv(src.name, [src.row], $0) } }
        let overall = ltvPeriods.map { ltv(allSources, Array(0..<nSources), $0) }
        return CohortReport(grain: grain, cohorts: cohorts, bySource: bySource, overall: overall, hasCosts: hasCosts)
    }

    /// Months since year 0, or ISO weeks since the Monday 29 Dec 1969.
    static func unit(_ day: Int, _ grain: ReportConfig.Grain) -> Int {
        switch grain {
        case .month:
            let c = CivilDate.civil(fromDays: day)
            return c.year * 12 + c.month - 1
        case .week:
            let shifted = day + 3
            return shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
        }
    }

    static func unitStart(_ u: Int, _ grain: ReportConfig.Grain) -> Int {
        switch grain {
        case .month:
            let y = u >= 0 ? u / 12 : (u - 11) / 12
            return CivilDate.days(year: y, month: u - y * 12 + 1, day: 1)
        case .week:
            return u * 7 - 3
        }
    }

    static func label(_ u: Int, _ grain: ReportConfig.Grain) -> String {
        grain == .month ? CivilDate.isoMonth(unitStart(u, grain)) : CivilDate.isoWeekLabel(unitStart(u, grain))
    }
}
