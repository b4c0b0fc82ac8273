import CRMData

/// The completed orders grouped by contact (compressed sparse rows): the orders of contact k
/// are `at[start[k] ..< start[k + 1]]` and `amount[...]`, in table order.
///
/// Built by one counting sort, so reports that look at "this contact's orders in a window"
/// scan a handful of orders per contact instead of the whole table per question.
public struct OrdersByContact: Sendable {
    public let start: [Int]
    public let at: [Int64]
    public let amount: [Money]

    /// Completed orders only: returned and cancelled orders never count as revenue.
    public init(_ o: OrderTable, contactCount: Int) {
        var start = [Int](repeating: 0, count: contactCount + 1)
        for i in 0..<o.count where o.status[i] == .completed {
            let c = Int(o.contact[i])
            if c >= 0 && c < contactCount { start[c + 1] += 1 }
        }
        for k in 0..<contactCount { start[k + 1] += start[k] }
        var fill = start
        var at = [Int64](repeating: 0, count: start[contactCount])
        var amount = [Money](repeating: .zero, count: start[contactCount])
        for i in 0..<o.count where o.status[i] == .completed {
            let c = Int(o.contact[i])
            guard c >= 0 && c < contactCount else { continue }
            at[fill[c]] = o.orderedAt[i].ms
            amount[fill[c]] = o.amount[i]
            fill[c] += 1
        }
        self.start = start
        self.at = at
        self.amount = amount
    }
}
