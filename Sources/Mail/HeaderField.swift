import Formatting
import Foundation

/// Header fields of RFC 5322 as they are written: unstructured text (RFC 2047 encoded words
/// when it is not plain ASCII), mailboxes, and the date; each field folded with CRLF and a space
/// so no line passes 78 characters where a space allows it (and never 998).
public enum HeaderField {
    /// `Name: value` of an unstructured field (Subject). Plain printable ASCII is folded at
    /// spaces; anything else becomes UTF-8 `B` encoded words of at most 64 characters each.
    public static func unstructured(_ name: String, _ value: String) -> String {
        let clean = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if isPlainASCII(clean), !clean.contains("=?") { return fold(name + ": " + clean) }
        return name + ": " + encodedWords(clean).joined(separator: "\r\n ")
    }

    /// `Name: mailbox, mailbox` for From and To: each `address` or `display name <address>`.
    public static func mailboxes(_ name: String, _ list: [Mailbox]) -> String {
        fold(name + ": " + list.map(\.headerText).joined(separator: ", "))
    }

    /// A bare field whose value is already in its wire form (Message-ID, Content-Type, ...).
    public static func plain(_ name: String, _ value: String) -> String { fold(name + ": " + value) }

    /// The RFC 5322 date of a moment given as seconds since 1970 and the offset east of UTC in
    /// force then: `Mon, 07 Dec 2026 00:00:00 +0300`.
    public static func date(secondsSince1970 seconds: Int64, offsetSeconds: Int) -> String {
        let local = seconds + Int64(offsetSeconds)
        let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let secondOfDay = Int(local - Int64(days) * 86_400)
        let (y, m, d) = CivilDate.civil(fromDays: days)
        let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][CivilDate.weekday(days: days) - 1]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let sign = offsetSeconds < 0 ? "-" : "+"
        let off = abs(offsetSeconds) / 60
        return "\(weekday), \(two(d)) \(months[m - 1]) \(y) \(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) "
            + "\(sign)\(two(off / 60))\(two(off % 60))"
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func isPlainASCII(_ s: String) -> Bool { s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }

    /// RFC 2047 `=?UTF-8?B?...?=` words, each of at most 39 bytes of text (64 characters),
    /// split between characters so every word decodes alone.
    public static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for ch in text {
            let bytes = Array(String(ch).utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > 39 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + TransferEncoding.base64Lines(bytes).replacingOccurrences(of: "\r\n", with: "") + "?="
    }

    /// Folds a field at spaces so lines stay within 78 characters where the text allows.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 78 else { return line }
        var lines: [String] = []
        var current = ""
        for (i, piece) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if i == 0 { current = String(piece); continue }
            if current.utf8.count + 1 + piece.utf8.count > 78, !current.trimmingCharacters(in: .whitespaces).isEmpty {
                lines.append(current)
                current = " " + piece
            } else {
                current += " " + piece
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}

/// One mailbox of a From or To field: an address and an optional display name.
public struct Mailbox: Sendable, Equatable {
    public let name: String?
    public let address: String

    public init(name: String?, address: String) {
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
        self.address = address
    }

    /// `address` or `Display Name <address>` as typed in a config or on a command line; nil when
    /// it is neither (angle brackets unbalanced, a line break, no `@`). The address itself is
    /// judged by the caller's rules.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, !t.contains("\r"), !t.contains("\n") else { return nil }
        if let open = t.lastIndex(of: "<") {
            guard t.hasSuffix(">"), t.filter({ $0 == "<" }).count == 1, t.filter({ $0 == ">" }).count == 1 else { return nil }
            var name = t[..<open].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
            let address = String(t[t.index(after: open)..<t.index(before: t.endIndex)]).trimmingCharacters(in: .whitespaces)
            guard address.contains("@"), !address.contains(" "), !name.contains("\"") else { return nil }
            self.init(name: name, address: address)
        } else {
            guard t.contains("@"), !t.contains(" "), !t.contains(">"), !t.contains(",") else { return nil }
            self.init(name: nil, address: t)
        }
    }

    /// As it stands in a header: a display name of plain ASCII is quoted, any other is encoded words.
    public var headerText: String {
        guard let name else { return address }
        if HeaderField.isPlainASCII(name) { return "\"\(name.replacingOccurrences(of: "\\", with: "\\\\"))\" <\(address)>" }
        return HeaderField.encodedWords(name).joined(separator: " ") + " <\(address)>"
    }

    /// As typed: `Name <address>` or the address.
    public var text: String { name.map { "\($0) <\(address)>" } ?? address }
}
