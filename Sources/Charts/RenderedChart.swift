import Formatting

/// The numbers a chart shows, already formatted, for the table printed beside it.
public struct ChartTable: Sendable, Equatable {
    public let headers: [String]
    public let rows: [[String]]
    public init(headers: [String], rows: [[String]]) { self.headers = headers; self.rows = rows }
}

/// A finished chart: SVG for pages, PNG at 2x for e-mail, and its text alternatives.
public struct RenderedChart: Sendable {
    public let id: String
    /// Standalone SVG document (no XML declaration), safe to inline in HTML: ids are prefixed with `id`.
    public let svg: String
    /// PNG at twice `width` x `height`.
    public let png: [UInt8]
    /// One sentence in the chart's locale.
    public let altText: String
    public let table: ChartTable
    public let width: Int
    public let height: Int
    /// The chart it was drawn from, to draw it once more on another surface (the PDF's pages).
    public let source: Chart
}

/// How the values of a chart are formatted.
public enum ValueKind: Sendable {
    case count, money, percent, days, decimal
}

/// The bucket size of a time series.
public enum TimeGrain: Sendable {
    case day, week, month
}

/// One bucket of a time series.
public struct SeriesPoint: Sendable {
    /// First day of the bucket, days since 1970-01-01.
    public var day: Int
    /// nil (or NaN/infinity) is a gap.
    public var value: Double?
    public init(day: Int, value: Double?) { self.day = day; self.value = value }
}

/// Pixel size of a chart. `.standard` fits a 960 px content column; `.narrow` is meant for
/// phones (pages can offer it through `<picture>` / `srcset` media queries).
public struct ChartSize: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
    public static let standard = ChartSize(width: 880, height: 340)
    public static let narrow = ChartSize(width: 440, height: 320)
}

extension ValueKind {
    /// A full-precision label for tables and value labels.
    func label(_ v: Double, _ f: NumberFormat) -> String {
        switch self {
        case .count: return f.count(v)
        case .money: return f.money(v, digits: v.magnitude >= 1000 ? 0 : 2)
        case .percent: return f.percent(v)
        case .days: return f.days(v)
        case .decimal: return f.decimal(v, digits: 2)
        }
    }

    /// A short label for a bar end or a point (compact for big numbers).
    func shortLabel(_ v: Double, _ f: NumberFormat) -> String {
        switch self {
        case .count: return v.magnitude >= 100_000 ? f.compact(v) : f.count(v)
        case .money: return f.compactMoney(v)
        case .percent: return f.percent(v)
        case .days: return f.decimal(v, digits: 1)
        case .decimal: return v.magnitude >= 100_000 ? f.compact(v) : f.decimal(v, digits: 1)
        }
    }

    /// Labels for axis ticks: the fewest fraction digits that keep all labels distinct.
    func tickLabels(_ ticks: [Double], _ f: NumberFormat) -> [String] {
        let maxAbs = ticks.map(\.magnitude).max() ?? 0
        for digits in 0...6 {
            let labels = ticks.map { tick(v: $0, digits: digits, maxAbs: maxAbs, f) }
            if Set(labels).count == labels.count { return labels }
        }
        return ticks.map { tick(v: $0, digits: 6, maxAbs: maxAbs, f) }
    }

    private func tick(v: Double, digits: Int, maxAbs: Double, _ f: NumberFormat) -> String {
        switch self {
        case .percent: return f.percent(v, digits: digits)
        case .money: return f.compact(v, fractionDigits: digits, money: true)
        case .count, .decimal, .days: return maxAbs >= 10_000 ? f.compact(v, fractionDigits: digits, money: false) : f.decimal(v, digits: digits)
        }
    }
}
