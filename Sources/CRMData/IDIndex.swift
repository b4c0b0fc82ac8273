/// Finds the row of an id: a flat array when ids are dense (the common case), a dictionary otherwise.
struct IDIndex: Sendable {
    private var dense: [Int32] = []
    private var sparse: [Int64: Int32] = [:]
    private var useDense = true

    init(_ ids: [Int64]) {
        let maxID = ids.max() ?? 0
        let minID = ids.min() ?? 0
        if minID >= 0, maxID < Int64(ids.count) * 4 + 1024 {
            dense = [Int32](repeating: -1, count: Int(maxID) + 1)
            for (row, id) in ids.enumerated() { dense[Int(id)] = Int32(row) }
        } else {
            useDense = false
            sparse.reserveCapacity(ids.count)
            for (row, id) in ids.enumerated() { sparse[id] = Int32(row) }
        }
    }

    /// The row of an id, or -1.
    @inline(__always) func row(_ id: Int64) -> Int32 {
        if useDense { return id >= 0 && id < Int64(dense.count) ? dense[Int(id)] : -1 }
        return sparse[id] ?? -1
    }
}
