/// The waivers of a run set against its findings: which finding each waiver covers, which
/// waivers have expired (they no longer apply: the finding counts again) and which
/// still-active waivers match nothing (a stale entry worth removing).
public struct WaiverMatch: Sendable, Equatable {
    /// Per finding key given, the index into `waivers` of the waiver covering it, or -1.
    public let waiverOf: [Int32]
    /// Every waiver of the file, in file order.
    public let waivers: [Waiver]
    /// Waivers whose expiry date is before the as-of day, in file order.
    public let expired: [Waiver]
    /// Active waivers whose key is no finding's key, in file order.
    public let unmatched: [Waiver]

    /// Matches waivers to findings by key; only waivers that apply on the as-of day waive.
    public init(keys: [FindingKey], waivers: [Waiver], asOfDay: Int) {
        self.waivers = waivers
        var active: [FindingKey: Int32] = [:]
        var expired: [Waiver] = []
        for (i, w) in waivers.enumerated() {
            if w.applies(asOfDay: asOfDay) { active[w.key] = Int32(i) } else { expired.append(w) }
        }
        var used = [Bool](repeating: false, count: waivers.count)
        var of = [Int32](repeating: -1, count: keys.count)
        if !active.isEmpty {
            for (i, key) in keys.enumerated() {
                if let w = active[key] {
                    of[i] = w
                    used[Int(w)] = true
                }
            }
        }
        waiverOf = of
        self.expired = expired
        unmatched = waivers.indices.filter { waivers[$0].applies(asOfDay: asOfDay) && !used[$0] }.map { waivers[$0] }
    }

    /// No waiver file: none of `count` findings is waived.
    public static func unwaived(count: Int) -> WaiverMatch {
        WaiverMatch(of: [Int32](repeating: -1, count: count), waivers: [], expired: [], unmatched: [])
    }

    private init(of: [Int32], waivers: [Waiver], expired: [Waiver], unmatched: [Waiver]) {
        waiverOf = of
        self.waivers = waivers
        self.expired = expired
        self.unmatched = unmatched
    }

    /// The waiver covering finding `i`, if any.
    public func waiver(_ i: Int) -> Waiver? {
        let w = waiverOf[i]
        return w >= 0 ? waivers[Int(w)] : nil
    }
}
