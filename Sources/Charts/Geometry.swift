/// A point in chart pixels (origin top left, y down).
public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// An axis-aligned rectangle in chart pixels.
public struct Rect: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    /// The rectangle spanned by two corners in any order (for bars growing either way).
    public static func spanning(_ a: Point, _ b: Point) -> Rect {
        Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x), height: abs(a.y - b.y))
    }

    public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: max(0, width - left - right), height: max(0, height - top - bottom))
    }
}

/// A line's colour, width and dash pattern.
public struct StrokeStyle: Sendable, Equatable {
    public var color: Color
    public var width: Double
    public var dash: [Double]
    public init(color: Color, width: Double = 1, dash: [Double] = []) {
        self.color = color; self.width = width; self.dash = dash
    }
}

/// Horizontal text alignment relative to the anchor point.
public enum TextAnchor: String, Sendable { case start, middle, end }

/// Vertical text alignment relative to the anchor point.
public enum TextBaseline: String, Sendable {
    case alphabetic, middle, top, bottom

    /// Offset from the anchor to the alphabetic baseline for DejaVu Sans at `size`
    /// (cap height about 0.73 em, descender about 0.24 em). The same formula on every canvas
    /// keeps layouts identical between the recording and the Cairo canvas.
    func baselineOffset(size: Double) -> Double {
        switch self {
        case .alphabetic: return 0
        case .middle: return size * 0.36
        case .top: return size * 0.76
        case .bottom: return -size * 0.24
        }
    }
}

/// Font size, weight and colour. The family is always DejaVu Sans (covers Latin and Cyrillic).
public struct TextStyle: Sendable, Equatable {
    public var size: Double
    public var bold: Bool
    public var color: Color
    public init(size: Double, bold: Bool = false, color: Color = Palette.text) {
        self.size = size; self.bold = bold; self.color = color
    }
}
