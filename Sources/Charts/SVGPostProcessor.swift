import Formatting
import Foundation

/// Turns Cairo's SVG into the file pages embed:
/// - ids: Cairo numbers `surfaceN` from a process-wide counter (and glyphs/clips per document);
///   every such id is renamed by first appearance and prefixed with the chart id, so output is
///   byte-identical whatever was drawn before and several charts can be inlined in one page;
/// - the root gets pixel `width`/`height`, a `viewBox`, `role="img"` and a `<title>` with the alt text;
/// - shortened labels get transparent hover areas carrying their full text in `<title>`.
enum SVGPostProcessor {
    static let idPrefixes = ["surface", "glyph", "clip", "image", "pattern", "mask", "linear", "radial", "source", "filter"]

    static func process(_ raw: String, id: String, width: Int, height: Int, altText: String,
                        tooltips: [(text: String, rect: Rect)]) -> String {
        let prefix = safeID(id)
        var body = normaliseIDs(raw, prefix: prefix)
        // Replace everything up to the end of the root start tag.
        if let svgStart = body.range(of: "<svg"), let tagEnd = body[svgStart.upperBound...].firstIndex(of: ">") {
            body = String(body[body.index(after: tagEnd)...])
        }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
        out += " width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\""
        out += " role=\"img\" aria-labelledby=\"\(prefix)-title\">\n"
        out += "<title id=\"\(prefix)-title\">\(escape(altText))</title>"
        if !tooltips.isEmpty, let close = body.range(of: "</svg>", options: .backwards) {
            var tips = "<g fill=\"#ffffff\" fill-opacity=\"0\">\n"
            for t in tooltips {
                tips += "<rect x=\"\(fmt2(t.rect.x))\" y=\"\(fmt2(t.rect.y))\" width=\"\(fmt2(t.rect.width))\" height=\"\(fmt2(t.rect.height))\"><title>\(escape(t.text))</title></rect>\n"
            }
            tips += "</g>\n"
            body.replaceSubrange(close.lowerBound..<close.lowerBound, with: tips)
        }
        return out + body
    }

    /// Letters, digits, "-" and "_" only.
    static func safeID(_ id: String) -> String {
        let s = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return s.isEmpty ? "chart" : s
    }

    /// Renames `<prefix><digits>[-<digits>]` tokens (when preceded by `id="`, `#` or `url(#`)
    /// to `<chart>-<prefix><n>`, numbered by first appearance.
    static func normaliseIDs(_ s: String, prefix: String) -> String {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var maps: [String: [String: Int]] = [:]
        let prefixes = idPrefixes.map { Array($0.utf8) }
        var i = 0
        let n = bytes.count
        while i < n {
            let prev: UInt8 = i > 0 ? bytes[i - 1] : 0
            if prev == UInt8(ascii: "\"") || prev == UInt8(ascii: "#") {
                var matched = false
                for (pi, p) in prefixes.enumerated() where i + p.count < n && bytes[i] == p[0] {
                    if Array(bytes[i..<(i + p.count)]) != p { continue }
                    var j = i + p.count
                    let numStart = j
                    while j < n, bytes[j] >= 48, bytes[j] <= 57 { j += 1 }
                    if j == numStart { continue }
                    if j < n, bytes[j] == UInt8(ascii: "-") {
                        var k = j + 1
                        while k < n, bytes[k] >= 48, bytes[k] <= 57 { k += 1 }
                        if k > j + 1 { j = k }
                    }
                    // The token must end the attribute value or reference.
                    guard j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: ")") else { continue }
                    let key = String(decoding: bytes[numStart..<j], as: UTF8.self)
                    let name = idPrefixes[pi]
                    var map = maps[name, default: [:]]
                    let number: Int
                    if let existing = map[key] { number = existing } else { number = map.count + 1; map[key] = number; maps[name] = map }
                    out.append(contentsOf: Array("\(prefix)-\(name)\(number)".utf8))
                    i = j
                    matched = true
                    break
                }
                if matched { continue }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// XML-escaped, and isolated as page text is (`BidiText.isolated`): a title is shown by the browser, bidi and all.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in BidiText.isolated(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
