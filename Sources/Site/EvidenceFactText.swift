import Audits
import CRMData
import Formatting

/// The evidence facts of a consent finding as the exports write them: moments ISO-8601 in the
/// report's zone with their offset, days ISO, ids and numbers in digits, words as the contract
/// spells them, nothing for a fact not recorded.
extension EvidenceFact.Value {
    /// The text of the value; nil when it is not recorded.
    func text(zone: ZoneClock) -> String? {
        switch self {
        case .id(let id): return String(id)
        case .moment(let t): return LocalTime.iso(t, zone: zone)
        case .day(let d): return CivilDate.iso(d)
        case .number(let n): return String(n)
        case .word(let w): return w
        case .none: return nil
        }
    }
}

extension Array where Element == EvidenceFact {
    /// consent.csv's `evidence` cell: `name=value` pairs separated by `; ` in the check's order,
    /// a fact not recorded with nothing after its `=`.
    func csvText(zone: ZoneClock) -> String {
        map { "\($0.name.rawValue)=\($0.value.text(zone: zone) ?? "")" }.joined(separator: "; ")
    }
}
