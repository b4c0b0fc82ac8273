import Formatting

/// The 5×5 RFM grid: recency score (rows, 5 at the top) by frequency score (columns, 1 at the
/// left), each cell shaded by its number of customers and labelled with the count and its share.
/// `counts[r - 1][f - 1]` is the number of customers with R score r and F score f.
public func rfmGrid(id: String, title: String, subtitle: String?, counts: [[Int]], format: NumberFormat,
                    size: ChartSize = ChartSize(width: 880, height: 440)) -> RenderedChart {
    makeRFMGrid(id: id, title: title, subtitle: subtitle, counts: counts, format: format, size: size).render()
}

/// The chart behind `rfmGrid`.
public func makeRFMGrid(id: String, title: String, subtitle: String?, counts: [[Int]], format f: NumberFormat,
                        size: ChartSize = ChartSize(width: 880, height: 440)) -> Chart {
    let s = Strings(f.locale)
    let en = f.locale == .en
    let grid: [[Int]] = (0..<5).map { r in (0..<5).map { c in r < counts.count && c < counts[r].count ? max(0, counts[r][c]) : 0 } }
    let total = grid.flatMap { $0 }.reduce(0, +)
    let maxCell = grid.flatMap { $0 }.max() ?? 0
    let headers = ["R \\ F"] + (1...5).map { "F\($0)" }
    let rows = (1...5).reversed().map { r in ["R\(r)"] + (0..<5).map { f.count(Double(grid[r - 1][$0])) } }
    var alt = en ? "\(title): no customers." : "\(title): нет клиентов."
    if total > 0 {
        var best = (0, 0)
        for r in 0..<5 { for c in 0..<5 where grid[r][c] > grid[best.0][best.1] { best = (r, c) } }
        let share = f.percent(Double(grid[best.0][best.1]) / Double(total))
        alt = en ? "\(title): \(f.count(Double(total))) customers; the largest cell is R\(best.0 + 1) F\(best.1 + 1) with \(f.count(Double(grid[best.0][best.1]))) (\(share))."
                 : "\(title): \(f.count(Double(total))) клиентов; больше всего в ячейке R\(best.0 + 1) F\(best.1 + 1): \(f.count(Double(grid[best.0][best.1]))) (\(share))."
    }
    let colors = ColorScale.sequential(0, Double(max(maxCell, 1)))
    return Chart(id: id, size: size, title: title, subtitle: subtitle, altText: alt,
                 table: ChartTable(headers: headers, rows: rows)) { area, canvas in
        guard total > 0 else {
            drawNoData(canvas, in: area, locale: f.locale)
            return
        }
        let head = TextStyle(size: 12.5, color: Palette.mutedText)
        let axisTitle = TextStyle(size: 12.5, bold: true, color: Palette.text)
        let left = 64.0, bottom = 44.0
        let side = min((area.width - left) / 5, (area.height - bottom) / 5)
        let gx = area.x + left, gy = area.y
        let cellStyle = TextStyle(size: side < 50 ? 11 : 14, bold: true)
        let shareStyle = TextStyle(size: side < 50 ? 11 : 12)
        for ri in 0..<5 {
            let r = 5 - ri  // top row is R5
            let y = gy + Double(ri) * side
            canvas.text("\(r)", at: Point(x: gx - 10, y: y + side / 2), style: head, anchor: .end, baseline: .middle)
            for c in 0..<5 {
                let v = grid[r - 1][c]
                let rect = Rect(x: gx + Double(c) * side, y: y, width: side - 2, height: side - 2)
                let fill = v == 0 ? Color(hex: 0xF4F4F4) : colors(Double(v))
                RectMark(rect: rect, fill: fill).draw(on: canvas)
                let ink = fill.readableText
                let twoLines = side >= 44
                canvas.text(f.count(Double(v)), at: Point(x: rect.midX, y: twoLines ? rect.midY - 2 : rect.midY), style: TextStyle(size: cellStyle.size, bold: true, color: ink),
                            anchor: .middle, baseline: twoLines ? .bottom : .middle)
                if twoLines {
                    canvas.text(f.percent(Double(v) / Double(total)), at: Point(x: rect.midX, y: rect.midY + 2), style: TextStyle(size: shareStyle.size, color: ink), anchor: .middle, baseline: .top)
                }
            }
        }
        for c in 0..<5 {
            canvas.text("\(c + 1)", at: Point(x: gx + (Double(c) + 0.5) * side, y: gy + 5 * side + 4), style: head, anchor: .middle, baseline: .top)
        }
        canvas.text(s.frequency + " →", at: Point(x: gx + 2.5 * side, y: gy + 5 * side + 24), style: axisTitle, anchor: .middle, baseline: .top)
        canvas.text(s.recency + " →", at: Point(x: area.x + 14, y: gy + 2.5 * side), style: axisTitle, anchor: .middle, baseline: .middle, angle: -90)
        // Legend: what the shading means, at the right of the grid when there is room.
        let lx = gx + 5 * side + 24
        if area.maxX - lx > 150 {
            canvas.text(en ? "Customers per cell" : "Клиентов в ячейке", at: Point(x: lx, y: gy + 4), style: head, baseline: .top)
            let steps = 5
            for i in 0..<steps {
                let v = Double(maxCell) * Double(i) / Double(steps - 1)
                let y = gy + 26 + Double(i) * 22
                RectMark(rect: Rect(x: lx, y: y, width: 18, height: 18), fill: i == 0 ? Color(hex: 0xF4F4F4) : colors(v)).draw(on: canvas)
                canvas.text(f.count(v), at: Point(x: lx + 26, y: y + 9), style: TextStyle(size: 12), baseline: .middle)
            }
        }
    }
}
