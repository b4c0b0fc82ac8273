/// The waivers of a run set against its findings: which finding each waiver covers, which
/// findings match a waiver that has expired (they count as open again, and are marked), which
/// waivers have expired and which still-active waivers match nothing (a stale entry worth
/// removing). Both audits match their findings through this one type.
public struct WaiverMatch: Sendable, Equatable {
    /// Per finding key given, the index into `waivers` of the active waiver covering it, or -1.
    public let waiverOf: [Int32]
    /// Per finding key given, the index into `waivers` of the expired waiver naming it, or -1.
    public let expiredOf: [Int32]
    /// Every waiver of the file, in file order.
    public let waivers: [Waiver]
    /// Waivers whose expiry date is before the as-of day, in file order.
    public let expired: [Waiver]
    /// Active waivers whose key is no finding's key, in file order.
    public let unmatched: [Waiver]

    /// Matches waivers to findings by key; only waivers that apply on the as-of day waive.
    public init(keys: [FindingKey], waivers: [Waiver], asOfDay: Int) {
        self.waivers = waivers
        var byKey: [FindingKey: Int32] = [:]
        for (i, w) in waivers.enumerated() { byKey[w.key] = Int32(i) }
        var used = [Bool](repeating: false, count: waivers.count)
        var of = [Int32](repeating: -1, count: keys.count)
        var expiredOf = [Int32](repeating: -1, count: keys.count)
        if !byKey.isEmpty {
            for (i, key) in keys.enumerated() {
                guard let w = byKey[key] else { continue }
                if waivers[Int(w)].applies(asOfDay: asOfDay) {
                    of[i] = w
                    used[Int(w)] = true
                } else {
                    expiredOf[i] = w
                }
            }
        }
        waiverOf = of
        self.expiredOf = expiredOf
        expired = waivers.filter { !$0.applies(asOfDay: asOfDay) }
        unmatched = waivers.indices.filter { waivers[$0].applies(asOfDay: asOfDay) && !used[$0] }.map { waivers[$0] }
    }

    /// No waiver file: none of `count` findings is waived.
    public static func unwaived(count: Int) -> WaiverMatch {
        let none = [Int32](repeating: -1, count: count)
        return WaiverMatch(of: none, expiredOf: none, waivers: [], expired: [], unmatched: [])
    }

    private init(of: [Int32], expiredOf: [Int32], waivers: [Waiver], expired: [Waiver], unmatched: [Waiver]) {
        waiverOf = of
        self.expiredOf = expiredOf
        self.waivers = waivers
        self.expired = expired
        self.unmatched = unmatched
    }

    /// The active waiver covering finding `i`, if any.
    public func waiver(_ i: Int) -> Waiver? {
        let w = waiverOf[i]
        return w >= 0 ? waivers[Int(w)] : nil
    }

    /// The expired waiver naming finding `i`, if any (the finding counts as open).
    public func expiredWaiver(_ i: Int) -> Waiver? {
        let w = expiredOf[i]
        return w >= 0 ? waivers[Int(w)] : nil
    }
}
