/// A filled band between a lower and an upper line (e.g. an expected range); nil breaks the band.
public struct AreaMark: Mark {
    public var x: [Double]
    public var low: [Double?]
    public var high: [Double?]
    public var color: Color
    public init(x: [Double], low: [Double?], high: [Double?], color: Color) {
        self.x = x; self.low = low; self.high = high; self.color = color
    }

    public func draw(on canvas: any Canvas) {
        var upper: [Point] = [], lower: [Point] = []
        func flush() {
            if upper.count >= 2 { canvas.fillPath(upper + lower.reversed(), color: color) }
            upper = []; lower = []
        }
        for i in x.indices {
            let l = i < low.count ? low[i] : nil, h = i < high.count ? high[i] : nil
            if let l, let h, l.isFinite, h.isFinite, x[i].isFinite {
                upper.append(Point(x: x[i], y: h)); lower.append(Point(x: x[i], y: l))
            } else { flush() }
        }
        flush()
    }
}
