import Audits
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
        var out = JSONBytes()
        write(&out, indent: 0)
        out.raw("\n")
        return out.text
    }

    /// The order of an object's keys in every JSON file: `provenance` first (each export opens
    /// with the run it came from, outputs.md), then sorted.
    static func ordered(_ keys: some Sequence<String>) -> [String] {
        keys.sorted { a, b in a == "provenance" ? b != "provenance" : b == "provenance" ? false : a < b }
    }

    /// Compact text for large files (a findings list): no spaces, each item of a top-level
    /// object's arrays on a line of its own, so the file stays greppable at a third of the size.
    public func compactText() -> String {
        guard case .object(let pairs) = self else {
            var out = JSONBytes()
            writeCompact(&out)
            out.raw("\n")
            return out.text
        }
        return String(decoding: Self.compactDocument(pairs, lists: [:]), as: UTF8.self)
    }

    /// A list too large to hold as a `JSONValue` (hundreds of thousands of findings): its length and
    /// how to write item `i`; the items are written in chunks on all cores and joined in order.
    struct List: Sendable {
        let count: Int
        let write: @Sendable (Int, inout JSONBytes) -> Void
    }

    /// A top-level object as `compactText` writes it, its keys in `ordered` order, some of its
    /// arrays given as `List`s: the very bytes the generic encoder gives for the same document.
    static func compactDocument(_ pairs: [(String, JSONValue)], lists: [String: List]) -> Data {
        let values = Dictionary(pairs, uniquingKeysWith: { a, _ in a })
        var out = JSONBytes()
        out.raw("{")
        for (k, key) in ordered(Set(values.keys).union(lists.keys)).enumerated() {
            if k > 0 { out.raw(",") }
            out.raw("\n")
            out.key(key)
            if let list = lists[key] {
                if list.count == 0 { out.raw("[]"); continue }
                out.raw("[")
                let chunks = parallelChunks(list.count) { range in
                    var part = JSONBytes(capacity: range.count * 400)
                    for i in range {
                        part.raw(i > 0 ? ",\n" : "\n")
                        list.write(i, &part)
                    }
                    return part.bytes
                }
                for chunk in chunks { out.raw(chunk) }
                out.raw("\n]")
            } else if case .array(let items) = values[key], !items.isEmpty {
                out.raw("[")
                for (i, item) in items.enumerated() {
                    out.raw(i > 0 ? ",\n" : "\n")
                    item.writeCompact(&out)
                }
                out.raw("\n]")
            } else {
                (values[key] ?? .null).writeCompact(&out)
            }
        }
        out.raw("\n}\n")
        return Data(out.bytes)
    }

    /// The pairs of an object (empty for any other value).
    var pairs: [(String, JSONValue)] {
        if case .object(let p) = self { return p }
        return []
    }

    func writeCompact(_ out: inout JSONBytes) {
        switch self {
        case .array(let items):
            out.raw("[")
            for (i, v) in items.enumerated() {
                if i > 0 { out.raw(",") }
                v.writeCompact(&out)
            }
            out.raw("]")
        case .object(let pairs):
            out.raw("{")
            for (i, (key, v)) in pairs.enumerated() {
                if i > 0 { out.raw(",") }
                out.key(key)
                v.writeCompact(&out)
            }
            out.raw("}")
        default: write(&out, indent: 0)
        }
    }

    func write(_ out: inout JSONBytes, indent: Int) {
        switch self {
        case .null: out.raw("null")
        case .bool(let b): out.bool(b)
        case .int(let i): out.int(i)
        case .number(let d): out.raw(Self.format(d))
        case .string(let s): out.string(s)
        case .array(let items):
            if items.isEmpty { out.raw("[]"); return }
            if items.allSatisfy(\.isScalar) {
                out.raw("[")
                for (k, v) in items.enumerated() {
                    if k > 0 { out.raw(", ") }
                    v.write(&out, indent: indent)
                }
                out.raw("]")
                return
            }
            out.raw("[\n")
            for (k, v) in items.enumerated() {
                out.raw(String(repeating: "  ", count: indent + 1))
                v.write(&out, indent: indent + 1)
                out.raw(k + 1 < items.count ? ",\n" : "\n")
            }
            out.raw(String(repeating: "  ", count: indent))
            out.raw("]")
        case .object(let pairs):
            if pairs.isEmpty { out.raw("{}"); return }
            out.raw("{\n")
            for (k, (key, v)) in pairs.enumerated() {
                out.raw(String(repeating: "  ", count: indent + 1))
                out.string(key)
                out.raw(": ")
                v.write(&out, indent: indent + 1)
                out.raw(k + 1 < pairs.count ? ",\n" : "\n")
            }
            out.raw(String(repeating: "  ", count: indent))
            out.raw("}")
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
}
