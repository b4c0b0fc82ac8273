import Formatting

/// One entry of a chart's legend.
public struct LegendItem: Sendable, Equatable {
    public enum Shape: Sendable, Equatable { case line, dashedLine, square, point }
    public var label: String
    public var color: Color
    public var shape: Shape
    public init(label: String, color: Color, shape: Shape) { self.label = label; self.color = color; self.shape = shape }
}

/// A chart ready to draw: the frame (title, subtitle, legend, footnote) and a plot closure that
/// lays out its axes and marks inside the plot area using the canvas's text measurement.
/// Drawing on a `RecordingCanvas` gives the call log for tests; `render()` gives SVG and PNG.
public struct Chart: Sendable {
    public var id: String
    public var size: ChartSize
    public var title: String?
    public var subtitle: String?
    public var legend: [LegendItem]
    public var footnote: String?
    public var altText: String
    public var table: ChartTable
    /// Draws the data inside the given plot rectangle.
    public var plot: @Sendable (Rect, any Canvas) -> Void

    public init(id: String, size: ChartSize, title: String?, subtitle: String?, legend: [LegendItem] = [],
                footnote: String? = nil, altText: String, table: ChartTable,
                plot: @escaping @Sendable (Rect, any Canvas) -> Void) {
        self.id = id; self.size = size; self.title = title; self.subtitle = subtitle; self.legend = legend
        self.footnote = footnote; self.altText = altText; self.table = table; self.plot = plot
    }

    static let titleStyle = TextStyle(size: 17, bold: true, color: Palette.text)
    static let subtitleStyle = TextStyle(size: 13, color: Palette.mutedText)
    static let legendStyle = TextStyle(size: 13, color: Palette.text)
    static let footnoteStyle = TextStyle(size: 11.5, color: Palette.mutedText)

    /// Draws the whole chart.
    public func draw(on canvas: any Canvas) {
        let w = Double(size.width), h = Double(size.height)
        let pad = w < 200 ? 2.0 : 12.0
        canvas.fillRect(Rect(x: 0, y: 0, width: w, height: h), color: Palette.background)
        var y = pad
        if let title, !title.isEmpty {
            canvas.fittedText(title, at: Point(x: pad, y: y), maxWidth: w - 2 * pad, style: Self.titleStyle, baseline: .top)
            y += 24
        }
        if let subtitle, !subtitle.isEmpty {
            canvas.fittedText(subtitle, at: Point(x: pad, y: y), maxWidth: w - 2 * pad, style: Self.subtitleStyle, baseline: .top)
            y += 20
        }
        if !legend.isEmpty {
            y += 2
            y = drawLegend(canvas, top: y, left: pad, width: w - 2 * pad)
        }
        var bottom = h - pad
        if let footnote, !footnote.isEmpty {
            canvas.fittedText(footnote, at: Point(x: pad, y: h - pad), maxWidth: w - 2 * pad, style: Self.footnoteStyle, baseline: .bottom)
            bottom -= 18
        }
        if title != nil || subtitle != nil || !legend.isEmpty { y += 6 }
        plot(Rect(x: pad, y: y, width: w - 2 * pad, height: max(0, bottom - y)), canvas)
    }

    /// Legend items in rows; returns the y below the legend.
    private func drawLegend(_ canvas: any Canvas, top: Double, left: Double, width: Double) -> Double {
        let rowHeight = 18.0, swatch = 22.0, gap = 18.0
        var x = left, y = top
        for item in legend {
            let labelMax = width - swatch - 6
            let labelWidth = min(canvas.textWidth(item.label, style: Self.legendStyle), labelMax)
            let itemWidth = swatch + 6 + labelWidth
            if x > left && x + itemWidth > left + width { x = left; y += rowHeight }
            let mid = y + rowHeight / 2
            switch item.shape {
            case .line:
                canvas.line(Point(x: x, y: mid), Point(x: x + swatch, y: mid), stroke: StrokeStyle(color: item.color, width: 2.5))
            case .dashedLine:
                canvas.line(Point(x: x, y: mid), Point(x: x + swatch, y: mid), stroke: StrokeStyle(color: item.color, width: 2.5, dash: [5, 3]))
            case .square:
                canvas.fillRect(Rect(x: x + 5, y: mid - 6, width: 12, height: 12), color: item.color)
            case .point:
                canvas.circle(center: Point(x: x + swatch / 2, y: mid), radius: 4.5, fill: item.color, stroke: nil)
            }
            canvas.fittedText(item.label, at: Point(x: x + swatch + 6, y: mid), maxWidth: labelMax, style: Self.legendStyle, baseline: .middle)
            x += itemWidth + gap
        }
        return y + rowHeight
    }

    /// Draws on Cairo and returns SVG, PNG (2x) and the text alternatives.
    public func render() -> RenderedChart {
        let (raw, tips) = CairoCanvas.svg(width: size.width, height: size.height) { draw(on: $0) }
        let svg = SVGPostProcessor.process(raw, id: id, width: size.width, height: size.height, altText: altText, tooltips: tips)
        let png = CairoCanvas.png(width: size.width, height: size.height, scale: 2) { draw(on: $0) }
        return RenderedChart(id: id, svg: svg, png: png, altText: altText, table: table, width: size.width, height: size.height, source: self)
    }
}

/// The explicit empty state: a dashed frame with "No data" in the middle.
func drawNoData(_ canvas: any Canvas, in rect: Rect, locale: ReportLocale) {
    let small = rect.height < 60
    if !small {
        canvas.strokeRect(rect.inset(top: 4, left: 4, bottom: 4, right: 4), stroke: StrokeStyle(color: Palette.grid, width: 1, dash: [4, 4]))
    }
    canvas.text(Strings(locale).noData, at: Point(x: rect.midX, y: rect.midY),
                style: TextStyle(size: small ? 11 : 15, color: Palette.mutedText), anchor: .middle, baseline: .middle)
}
