import Statistics

// Figures that pages show and report.json carries, derived from the reports' own values:
// computed here, once, so a renderer only formats them.

extension FunnelReport.Pipeline {
    /// Per step: the current cohort's overall conversion minus the previous cohort's
    /// (a fraction; nil when either is unknown).
    public var conversionChanges: [Double?] {
        zip(current.steps, previous.steps).map { cur, prev in
            guard let a = cur.overallConversion, let b = prev.overallConversion else { return nil }
            return a - b
        }
    }
}

extension FunnelReport.Group {
    /// Per step: the share of the group's deals that reached it (nil for an empty group).
    public var shares: [Double?] { reached.map { deals > 0 ? Double($0) / Double(deals) : nil } }
}

extension RFMReport.SegmentFigures {
    /// Customers now minus customers one period earlier.
    public var change: Int { customers - previousCustomers }
}

extension RFMReport {
    /// For each segment now (and the last entry: customers no longer in RFM), the customers
    /// that arrived from anywhere: the column totals of `transitions[from][to]`.
    public var transitionTotals: [Int] {
        guard let width = transitions.first?.count else { return [] }
        return (0..<width).map { to in transitions.reduce(0) { $0 + $1[to] } }
    }
}

extension ArmComparison {
    /// The Welch interval of the revenue-per-member difference scaled to the treatment arm:
    /// the range of incremental revenue.
    public var incrementalRevenueInterval: Interval? {
        guard let w = revenueWelch else { return nil }
        let n = Double(treatment.n)
        return Interval(low: w.low * n, high: w.high * n)
    }
}

extension CampaignResult {
    /// Contaminated control members over the control arm; nil without a control arm.
    public var contaminationShare: Double? {
        guard let c = effect.control, c.n > 0 else { return nil }
        return Double(contaminatedControls) / Double(c.n)
    }
}
