/// Text from a CRM that could lie on screen (issue 19, item 9): the explicit directional
/// formatting characters of UAX #9 (ALM U+061C, LRM U+200E, RLM U+200F, LRE to RLO
/// U+202A–U+202E, LRI to PDI U+2066–U+2069) reorder what follows them, so a name holding
/// U+202E can make the id beside it read backwards. CSV and terminal output drop them
/// (`stripped`); HTML drops them and isolates text that holds right-to-left letters, as `<bdi>`
/// does (`isolated`), so it can reorder nothing outside itself.
public enum BidiText {
    @inline(__always) public static func isControl(_ v: UInt32) -> Bool {
        v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
    /// presentation forms, and the right-to-left blocks of the supplementary planes).
    @inline(__always) static func isRightToLeft(_ v: UInt32) -> Bool {
        (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
            || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v)
    }

    /// Whether the text may hold a control or a right-to-left letter: one pass over the bytes,
    /// no allocation. Every such character's UTF-8 starts with a byte in D6–DF, E0, E2, EF or F0.
    @inline(__always) static func mayMatter(_ s: String) -> Bool {
        s.utf8.contains { $0 >= 0xD6 && ($0 <= 0xE0 || $0 == 0xE2 || $0 == 0xEF || $0 == 0xF0) }
    }

    /// The text without bidi controls (the same string when it has none).
    public static func stripped(_ s: String) -> String {
        guard mayMatter(s), s.unicodeScalars.contains(where: { isControl($0.value) }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.filter { !isControl($0.value) }))
    }

    /// For HTML: without bidi controls, and between FIRST STRONG ISOLATE (U+2068) and POP
    /// DIRECTIONAL ISOLATE (U+2069) when it had controls or holds right-to-left letters (the
    /// meaning of `<bdi>`, usable in attributes too). Other text is returned as it is.
    public static func isolated(_ s: String) -> String {
        guard mayMatter(s), s.unicodeScalars.contains(where: { isControl($0.value) || isRightToLeft($0.value) }) else { return s }
        return "\u{2068}" + stripped(s) + "\u{2069}"
    }
}
