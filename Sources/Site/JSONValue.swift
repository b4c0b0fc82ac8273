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

    /// Compact text for large files (a findings list): no spaces, each item of a top-level
    /// object's arrays on a line of its own, so the file stays greppable at a third of the size.
    public func compactText() -> String {
        var out = ""
        guard case .object(let pairs) = self else { writeCompact(&out); return out + "\n" }
        out += "{"
        for (k, (key, v)) in pairs.enumerated() {
            if k > 0 { out += "," }
            out += "\n"
            Self.quote(key, &out)
            out += ":"
            if case .array(let items) = v, !items.isEmpty {
                out += "["
                for (i, item) in items.enumerated() {
                    out += i > 0 ? ",\n" : "\n"
                    item.writeCompact(&out)
                }
                out += "\n]"
            } else {
                v.writeCompact(&out)
            }
        }
        return out + "\n}\n"
    }

    func writeCompact(_ out: inout String) {
        switch self {
        case .array(let items):
            out += "["
            for (i, v) in items.enumerated() {
                if i > 0 { out += "," }
                v.writeCompact(&out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, v)) in pairs.enumerated() {
                if i > 0 { out += "," }
                Self.quote(key, &out)
                out += ":"
                v.writeCompact(&out)
            }
            out += "}"
        default: write(&out, indent: 0)
        }
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

    /// Integers without a fraction; others with 15 significant digits, which every double holds
    /// exactly: money reads 13789048.15, never 13789048.149999982, and 0.1 + 0.2 reads 0.3.
    static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(format: "%.15g", d)
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
