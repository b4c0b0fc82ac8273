import CRMData

extension SummaryReport {
    /// Folds the snapshot into the summary: one pass over orders and one over deals.
    public static func compute(_ s: Snapshot, period: ReportPeriod) -> SummaryReport {
        let zone = s.zone
        let yearShift = period.kind == .week ? 52 : 12
        let buckets = PeriodBuckets(ending: period, count: trendLength + yearShift, zone: zone)
        let n = buckets.count
        let currentIndex = n - 1, previousIndex = n - 2, yearAgoIndex = n - 1 - yearShift

        // Orders
        var revenue = [Money](repeating: .zero, count: n)   // exact: a week is the sum of its days
        var completed = [Int](repeating: 0, count: n)
        var returned = [Int](repeating: 0, count: n)
        var newCustomers = [Int](repeating: 0, count: n)
        let words = (n + 63) / 64
        var seen = [UInt64](repeating: 0, count: s.contacts.count * words)
        var first = [Instant](repeating: .missing, count: s.contacts.count)
        let o = s.orders
        for i in 0..<o.count {
            let status = o.status[i]
            if status == .cancelled { continue }
            let t = o.orderedAt[i]
            if status == .completed {
                let c = Int(o.contact[i])
                if first[c].isMissing || t < first[c] { first[c] = t }
            }
            let b = buckets.index(t)
            guard b >= 0 else { continue }
            if status == .returned { returned[b] += 1; continue }
            revenue[b] += o.amount[i]
            completed[b] += 1
            seen[Int(o.contact[i]) * words + b / 64] |= 1 << UInt64(b % 64)
        }
        var ordering = [Int](repeating: 0, count: n)
        for c in 0..<s.contacts.count {
            for w in 0..<words {
                var bits = seen[c * words + w]
                while bits != 0 {
                    ordering[w * 64 + bits.trailingZeroBitCount] += 1
                    bits &= bits - 1
                }
            }
            let b = first[c].exists ? buckets.index(first[c]) : -1
            if b >= 0 { newCustomers[b] += 1 }
        }

        let revenueMajor = revenue.map(\.major)
        var series: [SummaryMetric: [Double?]] = [:]
        series[.revenue] = revenueMajor
        series[.orders] = completed.map(Double.init)
        series[.averageOrderValue] = (0..<n).map { completed[$0] > 0 ? revenueMajor[$0] / Double(completed[$0]) : nil }
        series[.orderingCustomers] = ordering.map(Double.init)
        series[.newCustomers] = newCustomers.map(Double.init)
        series[.repeatShare] = (0..<n).map { ratio(ordering[$0] - newCustomers[$0], ordering[$0]) }
        series[.returnsRate] = (0..<n).map { ratio(returned[$0], completed[$0] + returned[$0]) }

        // Deals
        if let d = s.deals {
            var won = [Int](repeating: 0, count: n), lost = [Int](repeating: 0, count: n)
            var wonAmount = [Money](repeating: .zero, count: n)
            for i in 0..<d.count where d.status[i] != .open {
                let b = buckets.index(d.closedAt[i])
                guard b >= 0 else { continue }
                if d.status[i] == .won {
                    won[b] += 1
                    if d.amount[i].exists { wonAmount[b] += d.amount[i] }
                } else {
                    lost[b] += 1
                }
            }
            series[.dealsWon] = won.map(Double.init)
            series[.wonAmount] = wonAmount.map(\.major)
            series[.winRate] = (0..<n).map { ratio(won[$0], won[$0] + lost[$0]) }
            // Point in time: at each period's end; the current period's figure is taken at the as-of moment.
            let moments = (0..<n).map { $0 == currentIndex ? s.asOf : buckets.end($0) }
            series[.openPipelineValue] = moments.map { Optional(openPipelineValue(d, at: $0)) }
        }

        var figures: [SummaryMetric: Figure] = [:]
        for m in SummaryMetric.allCases {
            if m.needsAudit {
                figures[m] = .missing(.notAudited, trendLength: trendLength)
            } else if let v = series[m] {
                figures[m] = Figure(current: v[currentIndex], previous: v[previousIndex], yearAgo: v[yearAgoIndex],
                                    trend: Array(v[(n - trendLength)...]), unavailable: nil)
            } else {
                figures[m] = .missing(.tableAbsent("deals"), trendLength: trendLength)
            }
        }
        return SummaryReport(period: period, figures: figures,
                             revenueSeries: Array(revenueMajor[(n - trendLength)...]),
                             revenueSeriesYearAgo: Array(revenueMajor[(n - trendLength - yearShift)..<(n - yearShift)]),
                             seriesPeriods: Array(buckets.periods[(n - trendLength)...]))
    }

    /// part / whole, nil over a zero whole.
    static func ratio(_ part: Int, _ whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }

    /// The amount of deals open at a moment: created before it, not closed before it.
    static func openPipelineValue(_ d: DealTable, at t: Instant) -> Double {
        var sum = Money.zero
        for i in 0..<d.count where d.createdAt[i] < t && (d.closedAt[i].isMissing || !(d.closedAt[i] < t)) {
            if d.amount[i].exists { sum += d.amount[i] }
        }
        return sum.major
    }
}
