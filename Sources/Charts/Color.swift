import Foundation

/// An sRGB colour.
public struct Color: Sendable, Equatable, Hashable {
    public var r: UInt8
    public var g: UInt8
    public var b: UInt8
    public init(r: UInt8, g: UInt8, b: UInt8) { self.r = r; self.g = g; self.b = b }

    /// From 0xRRGGBB.
    public init(hex: UInt32) {
        self.init(r: UInt8((hex >> 16) & 0xFF), g: UInt8((hex >> 8) & 0xFF), b: UInt8(hex & 0xFF))
    }

    /// "#RRGGBB".
    public var hex: String {
        let digits = Array("0123456789ABCDEF")
        var s = "#"
        for c in [r, g, b] { s.append(digits[Int(c >> 4)]); s.append(digits[Int(c & 0xF)]) }
        return s
    }

    /// WCAG 2.x relative luminance.
    public var relativeLuminance: Double {
        func lin(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    /// WCAG contrast ratio (1...21) between two colours.
    public func contrast(with other: Color) -> Double {
        let a = relativeLuminance, b = other.relativeLuminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// Black or white, whichever contrasts more with this colour as a background.
    /// Pure black and white always reach at least 4.58:1 (the worst case is luminance ≈ 0.18).
    public var readableText: Color {
        contrast(with: .black) >= contrast(with: .white) ? .black : .white
    }

    /// Linear interpolation in sRGB, t in 0...1.
    public func mix(_ other: Color, _ t: Double) -> Color {
        let t = min(1, max(0, t))
        func m(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
        return Color(r: m(r, other.r), g: m(g, other.g), b: m(b, other.b))
    }

    public static let black = Color(hex: 0x000000)
    public static let white = Color(hex: 0xFFFFFF)
}

/// Colours with fixed meanings across every chart (Okabe–Ito based, colour-blind safe).
public enum Palette {
    /// This period / this year: blue.
    public static let current = Color(hex: 0x0072B2)
    /// Comparison (last year, previous period): orange, always drawn dashed as well.
    public static let previous = Color(hex: 0xE69F00)
    /// Campaign treatment arm: reddish purple.
    public static let treatment = Color(hex: 0xCC79A7)
    /// Campaign control arm: sky blue.
    public static let control = Color(hex: 0x56B4E9)
    /// A good result: bluish green.
    public static let positive = Color(hex: 0x009E73)
    /// A bad result: vermillion.
    public static let negative = Color(hex: 0xD55E00)
    /// No effect / other: grey.
    public static let neutral = Color(hex: 0x8C8C8C)

    /// Body text (#222, 16:1 on white).
    public static let text = Color(hex: 0x222222)
    /// Secondary text (#595959, 7:1 on white).
    public static let mutedText = Color(hex: 0x595959)
    public static let grid = Color(hex: 0xE3E3E3)
    public static let axis = Color(hex: 0x8A8A8A)
    public static let background = Color.white
    /// Confidence / range band fill (light blue).
    public static let band = Color(hex: 0xCFE3F0)

    /// Series colours in order, for charts with several unnamed series.
    public static let categorical: [Color] = [current, previous, positive, treatment, control, negative, Color(hex: 0xF0E442), neutral]
}

/// The role a series plays, which fixes its colour (and dash) on every chart.
public enum SeriesRole: Sendable, Equatable {
    case current, previous, treatment, control, positive, negative, neutral
    /// The n-th colour of `Palette.categorical`.
    case categorical(Int)

    public var color: Color {
        switch self {
        case .current: return Palette.current
        case .previous: return Palette.previous
        case .treatment: return Palette.treatment
        case .control: return Palette.control
        case .positive: return Palette.positive
        case .negative: return Palette.negative
        case .neutral: return Palette.neutral
        case .categorical(let i): return Palette.categorical[((i % Palette.categorical.count) + Palette.categorical.count) % Palette.categorical.count]
        }
    }
}
