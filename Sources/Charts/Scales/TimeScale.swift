import Formatting

/// Maps day numbers to pixels linearly (so a missing bucket leaves a visible gap) and picks
/// bucket-aligned tick labels by grain that do not overlap.
public struct TimeScale: Sendable, Equatable {
    public var first: Int
    public var last: Int
    public var range: (from: Double, to: Double)

    public init(first: Int, last: Int, range: (Double, Double)) {
        self.first = first; self.last = last; self.range = (range.0, range.1)
    }

    public static func == (a: TimeScale, b: TimeScale) -> Bool {
        a.first == b.first && a.last == b.last && a.range == b.range
    }

    public func callAsFunction(_ day: Int) -> Double {
        guard last != first else { return (range.from + range.to) / 2 }
        return range.from + Double(day - first) / Double(last - first) * (range.to - range.from)
    }

    /// Label for a bucket start.
    static func label(_ day: Int, grain: TimeGrain, withYear: Bool, _ f: NumberFormat) -> String {
        switch grain {
        case .month: return f.month(day: day)
        case .day, .week: return withYear ? f.date(day: day) : f.shortDate(day: day)
        }
    }

    /// Every k-th bucket (k from a grain-friendly list, e.g. 1, 2, 4, 13 weeks), counted back from the
    /// last bucket so the latest period is always labelled, with labels that fit side by side.
    func ticks(buckets: [Int], grain: TimeGrain, format f: NumberFormat, canvas: any Canvas,
               style: TextStyle, maxLabels: Int = 7) -> [(day: Int, label: String)] {
        guard !buckets.isEmpty else { return [] }
        let years = Set(buckets.map { CivilDate.civil(fromDays: $0).year })
        let withYear = years.count > 1
        let steps: [Int]
        switch grain {
        case .day: steps = [1, 2, 7, 14, 28, 56, 91, 182, 364]
        case .week: steps = [1, 2, 4, 8, 13, 26, 52, 104]
        case .month: steps = [1, 2, 3, 6, 12, 24, 60]
        }
        let width = abs(range.to - range.from)
        for k in steps + [buckets.count] {
            var chosen: [Int] = []
            var i = buckets.count - 1
            while i >= 0 { chosen.append(buckets[i]); i -= k }
            chosen.reverse()
            if chosen.count > maxLabels { continue }
            let labels = chosen.map { Self.label($0, grain: grain, withYear: withYear, f) }
            let widest = labels.map { canvas.textWidth($0, style: style) }.max() ?? 0
            let spacing = chosen.count > 1 ? width * Double(k) / Double(max(buckets.count - 1, 1)) : width
            if chosen.count == 1 || widest + 12 <= spacing {
                return zip(chosen, labels).map { ($0, $1) }
            }
        }
        let lastDay = buckets[buckets.count - 1]
        return [(lastDay, Self.label(lastDay, grain: grain, withYear: withYear, f))]
    }
}
