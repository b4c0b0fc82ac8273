import Foundation

/// JSON with object keys in the order they were given, and one spelling for every
/// number, so report.json is byte-identical for identical input.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.text() == b.text() }

    /// A number, or null when it is nil, NaN or infinite (JSON has no NaN).
    public static func num(_ v: Double?) -> JSONValue {
        guard let v, v.isFinite else { return .null }
        return .number(v)
    }

    public static func str(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }

    /// Pretty text, two-space indent, a newline at the end.
    public func text() -> String {
        var out = ""
        write(&out, indent: 0)
        return out + "\n"
    }

    func write(_ out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let d): out += Self.format(d)
        case .string(let s): Self.quote(s, &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy(\.isScalar) {
                out += "["
                for (k, v) in items.enumerated() {
                    if k > 0 { out += ", " }
                    v.write(&out, indent: indent)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (k, v) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                v.write(&out, indent: indent + 1)
                out += k + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (k, (key, v)) in pairs.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                Self.quote(key, &out)
                out += ": "
                v.write(&out, indent: indent + 1)
                out += k + 1 < pairs.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// Integers without a fraction; others with up to 10 significant decimals after rounding away binary noise.
    static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        // From 2^53 on the scaled value is no longer exact, and scaling back adds noise of its own
        // (466313181.49 came out 466313181.48999995): print the shortest form, exact for money sums.
        guard abs(d) * 1e10 < 9_007_199_254_740_992 else { return "\(d)" }
        let rounded = (d * 1e10).rounded() / 1e10
        if rounded != 0, abs(d) >= 1e-6 { return "\(rounded)" }
        return "\(d)"
    }

    static func quote(_ s: String, _ out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
    }
}
