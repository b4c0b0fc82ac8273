import Formatting

/// One acquisition cohort: its label ("Jan 2026"), size and a value per period index
/// (nil = period not complete yet, drawn blank).
public struct CohortRow: Sendable {
    public var label: String
    public var size: Double
    public var values: [Double?]
    public init(label: String, size: Double, values: [Double?]) { self.label = label; self.size = size; self.values = values }
}

/// A cohort triangle: rows are cohorts, columns period indexes, each cell shaded on a sequential
/// blue scale with its value printed in black or white, whichever keeps WCAG contrast ≥ 4.5:1.
/// For percent values period 0 (100 % by definition) is left out of the colour domain so later
/// periods use the full scale; it is drawn at the darkest shade.
public func cohortHeatmap(id: String, title: String, subtitle: String?, cohorts: [CohortRow], value: ValueKind,
                          grain: TimeGrain, format: NumberFormat, size: ChartSize? = nil) -> RenderedChart {
    makeCohortHeatmap(id: id, title: title, subtitle: subtitle, cohorts: cohorts, value: value, grain: grain, format: format, size: size).render()
}

/// The chart behind `cohortHeatmap`. Default height grows with the number of cohorts.
public func makeCohortHeatmap(id: String, title: String, subtitle: String?, cohorts: [CohortRow], value: ValueKind,
                              grain: TimeGrain, format f: NumberFormat, size: ChartSize? = nil) -> Chart {
    let s = Strings(f.locale)
    let en = f.locale == .en
    let columns = cohorts.map(\.values.count).max() ?? 0
    let size = size ?? ChartSize(width: 880, height: max(180, 118 + 28 * cohorts.count))
    let cells: [[Double?]] = cohorts.map { c in (0..<columns).map { $0 < c.values.count ? finite(c.values[$0]) : nil } }
    let unit = periodUnit(grain, f.locale)
    let table = cohortTable(cohorts, cells: cells, value: value, grain: grain, format: f)
    let later = cells.flatMap { $0.dropFirst() }.compactMap { $0 }
    let all = cells.flatMap { $0 }.compactMap { $0 }
    let domainValues = value == .percent && !later.isEmpty ? later : all
    let lo = min(0, domainValues.min() ?? 0), hi = domainValues.max() ?? 1
    let colors = ColorScale.sequential(lo, hi > lo ? hi : lo + 1)
    let alt: String
    let p1 = cells.enumerated().compactMap { i, r in r.count > 1 ? r[1].map { (i, $0) } : nil }
    if let a = p1.min(by: { $0.1 < $1.1 }), let b = p1.max(by: { $0.1 < $1.1 }) {
        alt = en ? "\(title): \(cohorts.count) cohorts from \(cohorts[0].label) to \(cohorts[cohorts.count - 1].label); in \(unit.lowercased()) 1 the value ranges from \(value.label(a.1, f)) (\(cohorts[a.0].label)) to \(value.label(b.1, f)) (\(cohorts[b.0].label))."
                 : "\(title): \(cohorts.count) когорт, с \(cohorts[0].label) по \(cohorts[cohorts.count - 1].label); в периоде 1 значение от \(value.label(a.1, f)) (\(cohorts[a.0].label)) до \(value.label(b.1, f)) (\(cohorts[b.0].label))."
    } else if !all.isEmpty {
        alt = en ? "\(title): \(cohorts.count) cohorts, period 0 only." : "\(title): \(cohorts.count) когорт, только период 0."
    } else {
        alt = en ? "\(title): no data." : "\(title): нет данных."
    }
    return Chart(id: id, size: size, title: title, subtitle: subtitle, altText: alt,
                 table: table) { area, canvas in
        guard !cohorts.isEmpty, columns > 0 else {
            drawNoData(canvas, in: area, locale: f.locale)
            return
        }
        let headStyle = TextStyle(size: 12, color: Palette.mutedText)
        let rowStyle = TextStyle(size: 12.5)
        let labelW = min(area.width * 0.22, cohorts.map { canvas.textWidth($0.label, style: rowStyle) }.max() ?? 0) + 8
        let sizeW = max(canvas.textWidth(s.size, style: headStyle), cohorts.map { canvas.textWidth(f.count($0.size), style: rowStyle) }.max() ?? 0) + 14
        let grid = area.inset(top: 40, left: labelW + sizeW, bottom: 0, right: 0)
        let cellW = grid.width / Double(columns)
        let cellH = min(28, grid.height / Double(cohorts.count))
        // Column title, then headers.
        canvas.text(en ? "\(unit)s since first order" : "Периоды с первого заказа (\(unit.lowercased()))", at: Point(x: grid.x, y: area.y + 2),
                    style: headStyle, baseline: .top)
        canvas.text(s.cohort, at: Point(x: area.x, y: grid.y - 6), style: headStyle, baseline: .bottom)
        canvas.text(s.size, at: Point(x: grid.x - 8, y: grid.y - 6), style: headStyle, anchor: .end, baseline: .bottom)
        for k in 0..<columns {
            canvas.text(String(k), at: Point(x: grid.x + (Double(k) + 0.5) * cellW, y: grid.y - 6), style: headStyle, anchor: .middle, baseline: .bottom)
        }
        let cellText = TextStyle(size: cellW < 44 ? 11 : 12)
        for (i, c) in cohorts.enumerated() {
            let y = grid.y + Double(i) * cellH
            TextMark(c.label, at: Point(x: area.x, y: y + cellH / 2), style: rowStyle, baseline: .middle, maxWidth: labelW - 8).draw(on: canvas)
            canvas.text(f.count(c.size), at: Point(x: grid.x - 8, y: y + cellH / 2), style: rowStyle, anchor: .end, baseline: .middle)
            for k in 0..<columns {
                guard let v = cells[i][k] else { continue }
                let rect = Rect(x: grid.x + Double(k) * cellW, y: y, width: cellW - 1, height: cellH - 1)
                let fill = colors(v)
                RectMark(rect: rect, fill: fill).draw(on: canvas)
                var label = cellLabel(v, value, f, digits: cellW >= 52 ? 1 : 0)
                if canvas.textWidth(label, style: cellText) > cellW - 4 { label = cellLabel(v, value, f, digits: 0) }
                if canvas.textWidth(label, style: cellText) > cellW - 2 && value == .percent {
                    label = f.count(v * 100)  // bare number when even "12%" does not fit; the table has the full value
                }
                if canvas.textWidth(label, style: cellText) <= cellW - 2 {
                    canvas.text(label, at: Point(x: rect.midX, y: rect.midY), style: TextStyle(size: cellText.size, color: fill.readableText), anchor: .middle, baseline: .middle)
                }
            }
        }
    }
}

func cellLabel(_ v: Double, _ kind: ValueKind, _ f: NumberFormat, digits: Int) -> String {
    switch kind {
    case .percent: return f.percent(v, digits: digits)
    case .money: return f.compact(v, fractionDigits: v.magnitude >= 1000 ? 1 : 0, money: true)
    default: return kind.shortLabel(v, f)
    }
}
