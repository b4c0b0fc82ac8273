/// The languages pages are published in.
public enum ReportLocale: String, Sendable, CaseIterable {
    case en, ru
}
