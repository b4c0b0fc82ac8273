/// A filled cell (heatmaps, grids), optionally outlined.
public struct RectMark: Mark {
    public var rect: Rect
    public var fill: Color
    public var outline: StrokeStyle?
    public init(rect: Rect, fill: Color, outline: StrokeStyle? = nil) { self.rect = rect; self.fill = fill; self.outline = outline }

    public func draw(on canvas: any Canvas) {
        canvas.fillRect(rect, color: fill)
        if let outline { canvas.strokeRect(rect, stroke: outline) }
    }
}
