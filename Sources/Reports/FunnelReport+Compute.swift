import CRMData
import Statistics

extension FunnelReport {
    /// Folds the deals and their stage rows into each pipeline's funnel: one pass over the
    /// deals, one over the stage rows (two when a pipeline's stage order must be observed).
    public static func compute(_ s: Snapshot, config: ReportConfig, period: ReportPeriod) -> FunnelReport {
        let weeks = max(1, config.funnelWindowWeeks)
        let minGroup = max(1, config.funnelMinGroup)
        guard let d = s.deals else {
            return FunnelReport(pipelines: [], unavailable: .tableAbsent("deals"), windowWeeks: weeks, minGroup: minGroup)
        }
        let zone = s.zone
        let curEndDay = period.endDay, curStartDay = curEndDay - 7 * weeks, prevStartDay = curStartDay - 7 * weeks
        let curStart = zone.startOfDay(curStartDay).ms, curEnd = zone.startOfDay(curEndDay).ms
        let prevStart = zone.startOfDay(prevStartDay).ms
        let stageRows = s.dealStages ?? DealStageTable()
        let vocab = s.vocabulary
        let nStages = vocab.stages.count

        // Pipelines with deals, the largest first.
        var dealsPerPipeline = [Int](repeating: 0, count: vocab.pipelines.count)
        for i in 0..<d.count { dealsPerPipeline[Int(d.pipeline[i])] += 1 }
        let order = (0..<vocab.pipelines.count).filter { dealsPerPipeline[$0] > 0 }
            .sorted { (dealsPerPipeline[$0], vocab.pipelines.values[$1]) > (dealsPerPipeline[$1], vocab.pipelines.values[$0]) }

        // Stage order of each pipeline: config, else pipeline_stages, else as observed.
        let layouts = stageLayouts(s, config: config, pipelines: vocab.pipelines.values, stageRows: stageRows, deals: d)

        // Cohort deals get a slot; per slot the furthest step and the first entry into each stage.
        let maxSteps = (layouts.map { $0.names.count }.max() ?? 0) + 1
        var slot = [Int32](repeating: -1, count: d.count)
        var slotDeal: [Int32] = []
        for i in 0..<d.count {
            let t = d.createdAt[i].ms
            if t >= prevStart && t < curEnd {
                slot[i] = Int32(slotDeal.count)
                slotDeal.append(Int32(i))
            }
        }
        let slots = slotDeal.count
        var furthest = [Int8](repeating: 0, count: slots)
        var firstEntry = [Int64](repeating: .max, count: slots * maxSteps)
        var unknownRows = [Int](repeating: 0, count: vocab.pipelines.count)
        for r in 0..<stageRows.count {
            let deal = Int(stageRows.deal[r])
            let sl = Int(slot[deal])
            if sl < 0 { continue }
            let p = Int(d.pipeline[deal])
            let stage = Int(stageRows.stage[r])
            let pos = stage < nStages ? layouts[p].position[stage] : -1
            if pos < 0 { unknownRows[p] += 1; continue }
            if Int8(pos) > furthest[sl] { furthest[sl] = Int8(pos) }
            let t = stageRows.enteredAt[r].ms
            if t < firstEntry[sl * maxSteps + pos] { firstEntry[sl * maxSteps + pos] = t }
        }

        // Per pipeline and cohort (0 current, 1 previous): deals by furthest step, and the days to each step.
        let nP = vocab.pipelines.count
        var byFurthest = [[Int]](repeating: [], count: nP * 2)
        var days = [[[Double]]](repeating: [], count: nP * 2)
        for p in order {
            let n = layouts[p].names.count + 1
            byFurthest[p * 2] = Array(repeating: 0, count: n); byFurthest[p * 2 + 1] = Array(repeating: 0, count: n)
            days[p * 2] = Array(repeating: [], count: n); days[p * 2 + 1] = Array(repeating: [], count: n)
        }
        // Breakdowns of the current cohort: per pipeline and dimension, per group code (+1 for NULL), deals by furthest step.
        let dims = Dimension.allCases
        let dimSizes = [vocab.leadChannels.count, vocab.owners.count, vocab.regions.count].map { $0 + 1 }
        var groups = [[Int]](repeating: [], count: nP * dims.count)
        for p in order {
            for (k, size) in dimSizes.enumerated() { groups[p * dims.count + k] = Array(repeating: 0, count: size * (layouts[p].names.count + 1)) }
        }
        for sl in 0..<slots {
            let i = Int(slotDeal[sl])
            let p = Int(d.pipeline[i])
            let wonStep = layouts[p].names.count
            let cohort = d.createdAt[i].ms >= curStart ? 0 : 1
            let won = d.status[i] == .won
            let f = won ? wonStep : Int(furthest[sl])
            byFurthest[p * 2 + cohort][f] += 1
            let created = d.createdAt[i]
            for k in 0..<wonStep where k <= f {
                let t = firstEntry[sl * maxSteps + k]
                if t != .max { days[p * 2 + cohort][k].append(Double(t - created.ms) / 86_400_000) }
            }
            if won, d.closedAt[i].exists { days[p * 2 + cohort][wonStep].append(created.days(until: d.closedAt[i])) }
            if cohort == 0 {
                let contact = Int(d.contact[i])
                let region = contact >= 0 ? s.contacts.region[contact] : Labels.none
                let base = p * dims.count, width = wonStep + 1
                groups[base][(Int(d.channel[i]) + 1) * width + f] += 1
                groups[base + 1][(Int(d.owner[i]) + 1) * width + f] += 1
                groups[base + 2][(Int(region) + 1) * width + f] += 1
            }
        }

        // Deals closed in the report period and in the current cohort's weeks.
        let periodStart = period.start(zone).ms, periodEnd = period.end(zone).ms
        var closed = [ClosedTally](repeating: ClosedTally(reasons: vocab.lostReasons.count + 1), count: nP * 2)
        for i in 0..<d.count where d.status[i] != .open {
            let t = d.closedAt[i].ms
            let p = Int(d.pipeline[i])
            if t >= periodStart && t < periodEnd { closed[p * 2].add(d, i) }
            if t >= curStart && t < curEnd { closed[p * 2 + 1].add(d, i) }
        }

        let pipelines: [Pipeline] = order.map { p in
            let layout = layouts[p]
            let names = layout.names + [wonStep]
            let breakdowns = dims.enumerated().map { k, dim in
                breakdown(dim, counts: groups[p * dims.count + k], steps: names.count, labels: labels(dim, vocab), minGroup: minGroup)
            }
            return Pipeline(
                name: vocab.pipelines.values[p], stages: layout.names, stageSource: layout.source,
                current: funnel(names, byFurthest[p * 2], days[p * 2], curStartDay, curEndDay),
                previous: funnel(names, byFurthest[p * 2 + 1], days[p * 2 + 1], prevStartDay, curStartDay),
                breakdowns: breakdowns,
                closedInPeriod: closed[p * 2].result(period.startDay, period.endDay, vocab.lostReasons),
                closedInWindow: closed[p * 2 + 1].result(curStartDay, curEndDay, vocab.lostReasons),
                daysToWon: days[p * 2][names.count - 1],
                unknownStageRows: unknownRows[p])
        }
        return FunnelReport(pipelines: pipelines, unavailable: nil, windowWeeks: weeks, minGroup: minGroup)
    }

    /// The steps of one cohort from its deals counted by the furthest step each reached.
    static func funnel(_ names: [String], _ byFurthest: [Int], _ days: [[Double]], _ start: Int, _ end: Int) -> Funnel {
        var reached = [Int](repeating: 0, count: names.count)
        var running = 0
        for k in stride(from: names.count - 1, through: 0, by: -1) {
            running += byFurthest[k]
            reached[k] = running
        }
        let steps = names.indices.map { k -> Step in
            let sorted = days[k].sorted()
            return Step(stage: names[k], reached: reached[k],
                        stepConversion: k == 0 ? 1 : ratio(reached[k], reached[k - 1]),
                        dropOff: k == 0 ? nil : reached[k - 1] - reached[k],
                        overallConversion: ratio(reached[k], reached[0]),
                        medianDays: Stats.percentile(sorted, 0.5), p75Days: Stats.percentile(sorted, 0.75),
                        timed: sorted.count)
        }
        return Funnel(cohortStart: start, cohortEnd: end, steps: steps)
    }

    static func labels(_ dim: Dimension, _ v: Vocabulary) -> [String] {
        switch dim {
        case .channel: return v.leadChannels.values
        case .owner: return v.owners.values
        case .region: return v.regions.values
        }
    }

    /// Groups (code + 1; 0 is NULL) with their reach per step; small ones folded into "other".
    static func breakdown(_ dim: Dimension, counts: [Int], steps n: Int, labels: [String], minGroup: Int) -> Breakdown {
        var kept: [Group] = []
        var other = [Int](repeating: 0, count: n)
        var folded = 0
        for g in 0..<(labels.count + 1) {
            var reached = [Int](repeating: 0, count: n)
            var running = 0
            for k in stride(from: n - 1, through: 0, by: -1) {
                running += counts[g * n + k]
                reached[k] = running
            }
            if reached[0] == 0 { continue }
            if reached[0] < minGroup {
                folded += 1
                for k in 0..<n { other[k] += reached[k] }
            } else {
                kept.append(Group(label: g == 0 ? noneGroup : labels[g - 1], kind: g == 0 ? .none : .value, reached: reached))
            }
        }
        kept.sort { a, b in
            let x = a.overallConversion ?? -1, y = b.overallConversion ?? -1
            if x != y { return x > y }
            if a.deals != b.deals { return a.deals > b.deals }
            return a.label < b.label
        }
        if folded > 0 { kept.append(Group(label: otherGroup, kind: .other, reached: other)) }
        return Breakdown(dimension: dim, groups: kept, folded: folded)
    }

    static func ratio(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }

    /// A pipeline's steps and, per stage code, its position (-1: not a stage of the pipeline).
    struct StageLayout {
        var names: [String] = []
        var position: [Int] = []
        var source: StageSource = .observed
    }

    static func stageLayouts(_ s: Snapshot, config: ReportConfig, pipelines: [String], stageRows: DealStageTable, deals d: DealTable) -> [StageLayout] {
        let stages = s.vocabulary.stages
        var layouts = pipelines.map { name -> StageLayout in
            if let list = config.funnelStages[name], !list.isEmpty { return StageLayout(names: list, source: .config) }
            let listed = (s.pipelineStages ?? []).filter { $0.pipeline == name }.sorted { ($0.position, $0.stage) < ($1.position, $1.stage) }
            if !listed.isEmpty { return StageLayout(names: listed.map(\.stage), source: .pipelineStages) }
            return StageLayout()
        }
        // A pipeline with no stage order: its stages by how many rows entered them (earlier stages see more deals).
        if layouts.contains(where: { $0.source == .observed }) {
            var rows = [Int](repeating: 0, count: pipelines.count * stages.count)
            for r in 0..<stageRows.count {
                rows[Int(d.pipeline[Int(stageRows.deal[r])]) * stages.count + Int(stageRows.stage[r])] += 1
            }
            for p in layouts.indices where layouts[p].source == .observed {
                layouts[p].names = (0..<stages.count).filter { rows[p * stages.count + $0] > 0 }
                    .sorted { (rows[p * stages.count + $1], stages.values[$0]) < (rows[p * stages.count + $0], stages.values[$1]) }
                    .map { stages.values[$0] }
            }
        }
        for p in layouts.indices {
            // Without any known stage the funnel still starts somewhere: at creation.
            if layouts[p].names.isEmpty { layouts[p].names = [createdStep] }
            var position = [Int](repeating: -1, count: stages.count)
            for (k, name) in layouts[p].names.enumerated() {
                if let code = stages.code(of: name), position[Int(code)] < 0 { position[Int(code)] = k }
            }
            layouts[p].position = position
        }
        return layouts
    }

    /// Closed deals counted in one span.
    struct ClosedTally {
        var won = 0, lost = 0, wonWithAmount = 0
        var wonAmount = Money.zero
        var cycles: [Double] = []
        var reasons: [Int]
        init(reasons: Int) { self.reasons = Array(repeating: 0, count: reasons) }

        mutating func add(_ d: DealTable, _ i: Int) {
            if d.status[i] == .won {
                won += 1
                if d.amount[i].exists { wonAmount += d.amount[i]; wonWithAmount += 1 }
                cycles.append(d.createdAt[i].days(until: d.closedAt[i]))
            } else {
                lost += 1
                reasons[Int(d.lostReason[i]) + 1] += 1
            }
        }

        func result(_ start: Int, _ end: Int, _ labels: Labels) -> Closed {
            let list = reasons.indices.filter { reasons[$0] > 0 }
                .map { (reason: $0 == 0 ? FunnelReport.noneGroup : labels.values[$0 - 1], count: reasons[$0]) }
                .sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
            return Closed(startDay: start, endDay: end, won: won, lost: lost, wonAmount: wonAmount.major,
                          winRate: FunnelReport.ratio(won, won + lost),
                          averageWonDeal: wonWithAmount > 0 ? wonAmount.major / Double(wonWithAmount) : nil,
                          medianCycleDays: Stats.percentile(cycles.sorted(), 0.5), lostReasons: list)
        }
    }
}
