import CRMData
import Formatting

extension RFMReport {
    /// Scores the customers at the as-of moment and one period earlier (7 days, or a calendar
    /// month, before it), in one pass over the orders.
    public static func compute(_ s: Snapshot, config: ReportConfig, period: ReportPeriod) -> RFMReport {
        let window = max(1, config.rfmWindowDays)
        let asOfDay = s.zone.day(of: s.asOf)
        let previousDay = period.kind == .week ? asOfDay - 7 : CivilDate.addingMonths(-1, to: asOfDay)
        let both = scorings(s, days: [asOfDay, previousDay], windowDays: window)
        let current = both[0], previous = both[1]

        let n = Segment.allCases.count
        var customers = [Int](repeating: 0, count: n), before = [Int](repeating: 0, count: n)
        var revenue = [Money](repeating: .zero, count: n)
        var grid = [[Int]](repeating: [Int](repeating: 0, count: 5), count: 5)
        var transitions = [[Int]](repeating: [Int](repeating: 0, count: n + 1), count: n + 1)
        for c in 0..<s.contacts.count {
            let now = Int(current.segment[c]), then = Int(previous.segment[c])
            if now >= 0 {
                customers[now] += 1
                revenue[now] += current.monetary[c]
                grid[Int(current.r[c]) - 1][Int(current.f[c]) - 1] += 1
            }
            if then >= 0 { before[then] += 1 }
            if now >= 0 || then >= 0 { transitions[then >= 0 ? then : n][now >= 0 ? now : n] += 1 }
        }
        let total = customers.reduce(0, +)
        let totalRevenue = revenue.sum()
        let segments = Segment.allCases.enumerated().map { i, seg in
            SegmentFigures(segment: seg, customers: customers[i], revenue: revenue[i].major,
                           customerShare: total > 0 ? Double(customers[i]) / Double(total) : nil,
                           revenueShare: totalRevenue > .zero ? revenue[i].major / totalRevenue.major : nil,
                           previousCustomers: before[i])
        }
        return RFMReport(windowDays: window, current: current, previous: previous, segments: segments, grid: grid, transitions: transitions)
    }

    /// The scorings at the starts of several local days, each over its own window.
    public static func scorings(_ s: Snapshot, days: [Int], windowDays: Int) -> [Scoring] {
        let zone = s.zone
        let nc = s.contacts.count
        let moments = days.map { zone.startOfDay($0).ms }
        let starts = days.map { zone.startOfDay($0 - windowDays).ms }
        let k = days.count
        var frequency = [Int32](repeating: 0, count: nc * k)
        var monetary = [Money](repeating: .zero, count: nc * k)
        var last = [Int64](repeating: .min, count: nc * k)
        let o = s.orders
        for i in 0..<o.count where o.status[i] == .completed {
            let t = o.orderedAt[i].ms
            let c = Int(o.contact[i])
            for j in 0..<k where t < moments[j] && t >= starts[j] {
                frequency[c * k + j] += 1
                monetary[c * k + j] += o.amount[i]
                if t > last[c * k + j] { last[c * k + j] = t }
            }
        }
        return (0..<k).map { j in
            var recency = [Int32](repeating: -1, count: nc)
            var rows: [Int] = []
            for c in 0..<nc where frequency[c * k + j] > 0 {
                // Deleted before the moment: out of RFM.
                let deleted = s.contacts.deletedAt[c]
                if deleted.exists && deleted.ms < moments[j] { continue }
                recency[c] = Int32(days[j] - zone.day(of: Instant(ms: last[c * k + j])))
                rows.append(c)
            }
            let freq = (0..<nc).map { frequency[$0 * k + j] }
            let money = (0..<nc).map { monetary[$0 * k + j] }
            // W = customers strictly worse: more days for R, less for F and M. R and F are small
            // integers, so their W comes from running counts; M from a sorted copy.
            let n = rows.count
            let maxR = rows.reduce(0) { max($0, Int(recency[$1])) }
            let maxF = rows.reduce(0) { max($0, Int(freq[$1])) }
            var moreDays = [Int](repeating: 0, count: maxR + 2)      // moreDays[v] = customers with more than v days
            var fewer = [Int](repeating: 0, count: maxF + 2)         // fewer[v] = customers with fewer than v orders
            for c in rows {
                moreDays[Int(recency[c])] += 1
                fewer[Int(freq[c]) + 1] += 1
            }
            var above = 0
            for v in stride(from: maxR, through: 0, by: -1) {
                let here = moreDays[v]
                moreDays[v] = above
                above += here
            }
            for v in 1..<fewer.count { fewer[v] += fewer[v - 1] }
            let sortedM = rows.map { money[$0] }.sorted()
            var r = [UInt8](repeating: 0, count: nc), f = r, m = r
            var segment = [Int8](repeating: -1, count: nc)
            for c in rows {
                let rs = score(moreDays[Int(recency[c])], n)
                let fs = score(fewer[Int(freq[c])], n)
                r[c] = rs
                f[c] = fs
                m[c] = score(lowerBound(sortedM, money[c]), n)
                segment[c] = Int8(Segment.of(r: Int(rs), f: Int(fs)).index)
            }
            for c in 0..<nc where segment[c] < 0 { recency[c] = -1 }
            return Scoring(day: days[j], recencyDays: recency,
                           frequency: (0..<nc).map { segment[$0] >= 0 ? freq[$0] : 0 },
                           monetary: (0..<nc).map { segment[$0] >= 0 ? money[$0] : .zero },
                           r: r, f: f, m: m, segment: segment, scored: n)
        }
    }

    /// 1 + floor(5 W / n).
    @inline(__always) static func score(_ worse: Int, _ n: Int) -> UInt8 { UInt8(1 + (5 * worse) / n) }

    /// The number of elements less than `v`.
    static func lowerBound<T: Comparable>(_ a: [T], _ v: T) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
