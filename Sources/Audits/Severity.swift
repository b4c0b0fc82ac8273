/// How much a finding matters; config may override a check's default (`stale.severity`, `consent.severity`).
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, violation

    var rank: Int { Severity.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
