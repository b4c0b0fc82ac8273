import Formatting
import Mustache

/// The escaping of every `{{value}}` in the page templates: HTML-escaped as Mustache's own
/// (`& < > " '`), and each value isolated from its neighbours when it could reorder them
/// (`BidiText.isolated`). It is the one place user text enters a page, so no call site can
/// forget it; `Templates` makes it every template's content type.
struct IsolatingHTML: MustacheContentType {
    static let name = "CRMHTML"

    func escapeText(_ text: String) -> String {
        let text = BidiText.isolated(text)
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for u in text.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
