extension FixtureDB {
    /// Amounts whose Double sum is noisy, for "money adds up exactly" (issue 8). As of 2026-11-23:
    /// W46 holds 0.1 + 0.2 = 0.3; W47 holds 1,234,567.89 and 0.1 each day plus 0.3, which is
    /// 8,641,976.23 in 15 orders (adding Doubles gives 8641976.229999999).
    public static func exactMoneyWeeks() throws -> FixtureDB {
        let db = try FixtureDB()
        try db.contact(1, created: "2025-01-01")
        try db.order(1, contact: 1, at: "2026-11-09", amount: 0.1)
        try db.order(2, contact: 1, at: "2026-11-10", amount: 0.2)
        var id = 3
        for day in 16...22 {
            try db.order(id, contact: 1, at: "2026-11-\(day)", amount: 1_234_567.89)
            try db.order(id + 1, contact: 1, at: "2026-11-\(day) 12:00", amount: 0.1)
            id += 2
        }
        try db.order(id, contact: 1, at: "2026-11-22 18:00", amount: 0.3)
        return db
    }
}
