import Charts

/// What a page of the PDF edition is made of, before it is laid out.
enum PDFBlock {
    case heading(String)
    /// A bold line above the blocks it introduces, kept on their page.
    case subheading(String)
    case paragraph(String, muted: Bool)
    /// The first column left-aligned (labels), the others right-aligned (figures).
    case table(headers: [String], rows: [[String]])
    /// A chart with its text alternative under it, never split from it.
    case chart(RenderedChart)
}

/// Lays blocks out on A4 portrait pages (in points, origin top left) and draws them: a chapter
/// starts a page, blocks flow down, a chart is never split, a table that does not fit continues
/// on the next page under its header row again, and every page gets the footer.
struct PDFLayout {
    static let pageWidth = 595.28, pageHeight = 841.89
    static let margin = 42.0
    static let footerHeight = 40.0
    static var contentWidth: Double { pageWidth - 2 * margin }
    static var contentBottom: Double { pageHeight - margin - footerHeight }
    /// Charts are redrawn this many pixels wide and scaled to the content width: their 13 px
    /// labels come out at about 10 pt.
    static let chartPixelWidth = 660

    static let headingStyle = TextStyle(size: 16, bold: true)
    static let subheadingStyle = TextStyle(size: 11, bold: true)
    static let bodyStyle = TextStyle(size: 9.5)
    static let mutedStyle = TextStyle(size: 8.5, color: Palette.mutedText)
    static let tableStyle = TextStyle(size: 8)
    static let tableHeaderStyle = TextStyle(size: 8, bold: true, color: Palette.mutedText)
    static let footerStyle = TextStyle(size: 6.5, color: Palette.mutedText)
    static let rowHeight = 12.5

    /// One thing to draw at a place on a page.
    enum Placed {
        case text(String, Point, TextStyle, TextAnchor)
        case rule(Double, Double, Double)
        case chart(Chart, Point, Double)
    }

    let measure: any Canvas
    private(set) var pages: [[Placed]] = []
    private var y = 0.0

    init(measure: any Canvas) { self.measure = measure }

    mutating func chapter(_ blocks: [PDFBlock]) {
        newPage()
        for block in blocks { add(block) }
    }

    private mutating func newPage() {
        pages.append([])
        y = Self.margin
    }

    private mutating func place(_ p: Placed) { pages[pages.count - 1].append(p) }

    /// Starts a new page unless `height` more points fit on this one (or the page is still empty).
    private mutating func need(_ height: Double) {
        if y + height > Self.contentBottom, !(pages.last ?? []).isEmpty { newPage() }
    }

    private mutating func add(_ block: PDFBlock) {
        switch block {
        case .heading(let text):
            need(40)
            y += 4
            place(.text(text, Point(x: Self.margin, y: y + Self.headingStyle.size), Self.headingStyle, .start))
            y += Self.headingStyle.size + 12
        case .subheading(let text):
            need(60)
            lines(text, style: Self.subheadingStyle)
        case .paragraph(let text, let muted):
            let style = muted ? Self.mutedStyle : Self.bodyStyle
            need(Double(wrap(text, width: Self.contentWidth, style: style).count) * style.size * 1.4)
            lines(text, style: style)
        case .table(let headers, let rows):
            table(headers: headers, rows: rows)
        case .chart(let rendered):
            var chart = rendered.source
            let scale = Self.contentWidth / Double(Self.chartPixelWidth)
            chart.size = ChartSize(width: Self.chartPixelWidth, height: rendered.height)
            let height = Double(rendered.height) * scale
            let caption = wrap(rendered.altText, width: Self.contentWidth, style: Self.mutedStyle)
            need(height + 6 + Double(caption.count) * Self.mutedStyle.size * 1.4)
            place(.chart(chart, Point(x: Self.margin, y: y), scale))
            y += height + 6
            lines(rendered.altText, style: Self.mutedStyle)
        }
    }

    /// `text` wrapped to the content width from the current line down.
    private mutating func lines(_ text: String, style: TextStyle) {
        for line in wrap(text, width: Self.contentWidth, style: style) {
            place(.text(line, Point(x: Self.margin, y: y + style.size), style, .start))
            y += style.size * 1.4
        }
        y += 6
    }

    private mutating func table(headers: [String], rows: [[String]]) {
        let columns = max(headers.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        func cell(_ row: [String], _ i: Int) -> String { i < row.count ? row[i] : "" }
        let padding = 8.0
        var widths = (0..<columns).map { i in
            max(measure.textWidth(cell(headers, i), style: Self.tableHeaderStyle),
                rows.map { measure.textWidth(cell($0, i), style: Self.tableStyle) }.max() ?? 0) + padding
        }
        widths = Self.fit(widths, into: Self.contentWidth)
        let lefts = widths.indices.map { i in Self.margin + widths[..<i].reduce(0, +) }
        let right = Self.margin + widths.reduce(0, +)

        func row(_ cells: [String], style: TextStyle) {
            for i in 0..<columns {
                let text = measure.ellipsize(cell(cells, i), maxWidth: widths[i] - padding, style: style)
                let base = y + Self.rowHeight - 3.5
                if i == 0 {
                    place(.text(text, Point(x: lefts[i], y: base), style, .start))
                } else {
                    place(.text(text, Point(x: lefts[i] + widths[i] - padding / 2, y: base), style, .end))
                }
            }
            y += Self.rowHeight
            place(.rule(Self.margin, right, y))
        }
        need(Self.rowHeight * Double(min(rows.count, 3) + 1))
        row(headers, style: Self.tableHeaderStyle)
        for r in rows {
            if y + Self.rowHeight > Self.contentBottom {
                newPage()
                row(headers, style: Self.tableHeaderStyle)
            }
            row(r, style: Self.tableStyle)
        }
        y += 8
    }

    /// Column widths that fit `total`: the widest columns (long labels) give way first, down to a
    /// common cap, so short figures keep their natural width and are never cut.
    static func fit(_ widths: [Double], into total: Double) -> [Double] {
        guard widths.reduce(0, +) > total else { return widths }
        var cap = total / Double(widths.count)
        // Raise the cap while the columns narrower than it leave room to share.
        for w in widths.sorted() {
            let narrower = widths.filter { $0 <= w }
            let room = total - narrower.reduce(0, +)
            let wider = widths.count - narrower.count
            if wider == 0 || room / Double(wider) < w { break }
            cap = room / Double(wider)
        }
        return widths.map { min($0, cap) }
    }

    /// `text` broken at spaces into lines no wider than `width`.
    func wrap(_ text: String, width: Double, style: TextStyle) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty && measure.textWidth(candidate, style: style) > width {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Draws page `index` and its footer: the period and the page number, then the provenance line.
    func draw(_ index: Int, on page: PDFPage, footerLeft: String, pageNumber: String, provenance: String) {
        let canvas = page.canvas
        for item in pages[index] {
            switch item {
            case .text(let text, let at, let style, let anchor):
                canvas.text(text, at: at, style: style, anchor: anchor)
            case .rule(let x0, let x1, let y):
                canvas.line(Point(x: x0, y: y), Point(x: x1, y: y), stroke: StrokeStyle(color: Palette.grid, width: 0.5))
            case .chart(let chart, let at, let scale):
                page.place(chart, at: at, scale: scale)
            }
        }
        let top = Self.pageHeight - Self.margin - Self.footerHeight + 12
        canvas.line(Point(x: Self.margin, y: top - 8), Point(x: Self.pageWidth - Self.margin, y: top - 8),
                    stroke: StrokeStyle(color: Palette.grid, width: 0.5))
        let small = TextStyle(size: 7.5, color: Palette.mutedText)
        canvas.text(footerLeft, at: Point(x: Self.margin, y: top), style: small)
        canvas.text(pageNumber, at: Point(x: Self.pageWidth - Self.margin, y: top), style: small, anchor: .end)
        for (i, line) in wrap(provenance, width: Self.contentWidth, style: Self.footerStyle).prefix(3).enumerated() {
            canvas.text(line, at: Point(x: Self.margin, y: top + 10 + Double(i) * 8.5), style: Self.footerStyle)
        }
    }
}
