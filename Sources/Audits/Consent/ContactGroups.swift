/// Row indexes of one table grouped by contact and in time order within each contact:
/// `order[start[c] ..< start[c + 1]]` are contact c's rows, earliest first.
///
/// A counting sort on the contact row (linear, no comparisons) does the grouping; only a
/// group not already in time order is sorted, and most are, because CRMs write in time order.
/// Sorting row indexes, not structs, keeps the big tables where they are.
struct ContactGroups: Sendable {
    let start: [Int32]
    let order: [Int32]

    /// - Parameters:
    ///   - contact: the contact row of each row (rows outside `0 ..< contacts` are left out).
    ///   - precedes: the time order of two rows of one contact (a strict weak order).
    init(contact: [Int32], contacts: Int, precedes: (Int32, Int32) -> Bool) {
        var start = [Int32](repeating: 0, count: contacts + 1)
        contact.withUnsafeBufferPointer { c in
            for k in c where k >= 0 && Int(k) < contacts { start[Int(k) + 1] += 1 }
        }
        for i in 0..<contacts { start[i + 1] += start[i] }
        var next = start
        var order = [Int32](repeating: 0, count: Int(start[contacts]))
        contact.withUnsafeBufferPointer { c in
            order.withUnsafeMutableBufferPointer { o in
                next.withUnsafeMutableBufferPointer { n in
                    for row in 0..<c.count {
                        let k = Int(c[row])
                        guard k >= 0 && k < contacts else { continue }
                        o[Int(n[k])] = Int32(row)
                        n[k] += 1
                    }
                }
            }
        }
        order.withUnsafeMutableBufferPointer { o in
            for k in 0..<contacts {
                let lo = Int(start[k]), hi = Int(start[k + 1])
                guard hi - lo > 1 else { continue }
                var sorted = true
                for i in (lo + 1)..<hi where precedes(o[i], o[i - 1]) { sorted = false; break }
                if !sorted {
                    var group = UnsafeMutableBufferPointer(rebasing: o[lo..<hi])
                    group.sort(by: precedes)
                }
            }
        }
        self.start = start
        self.order = order
    }

    var contacts: Int { start.count - 1 }

    @inline(__always) func range(_ contact: Int) -> Range<Int> { Int(start[contact])..<Int(start[contact + 1]) }
}
