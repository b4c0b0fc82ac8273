import Foundation

/// The header block of a message as it stands in a file (RFC 5322 section 2.2): read a field,
/// replace or add one, keep everything else byte for byte. `crm-report send` uses it to set the
/// To (and, with --from, the From) of the message it sends.
public struct MessageHeaders: Sendable, Equatable {
    /// Each field with its folded continuation lines, without line ends.
    public private(set) var fields: [[String]]
    /// Everything after the empty line that ends the header block.
    public let body: [UInt8]

    /// nil when the bytes hold no header block ended by an empty line (CRLF CRLF).
    public init?(message: [UInt8]) {
        let end: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        guard message.count >= 4, let at = (0...(message.count - 4)).first(where: { message[$0..<$0 + 4].elementsEqual(end) }) else { return nil }
        let block = String(decoding: message[..<at], as: UTF8.self)
        var fields: [[String]] = []
        for line in block.components(separatedBy: "\r\n") {
            if line.first == " " || line.first == "\t" {
                guard !fields.isEmpty else { return nil }
                fields[fields.count - 1].append(line)
            } else {
                guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return nil }
                fields.append([line])
            }
        }
        self.fields = fields
        body = Array(message[(at + 4)...])
    }

    static func name(_ field: [String]) -> String {
        String(field[0].prefix { $0 != ":" }).trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The unfolded value of the first field of that name (case-insensitive), as written (encoded words stay encoded).
    public func value(_ name: String) -> String? {
        guard let f = fields.first(where: { Self.name($0) == name.lowercased() }) else { return nil }
        let joined = f.joined()
        return String(joined[joined.index(after: joined.firstIndex(of: ":") ?? joined.startIndex)...]).trimmingCharacters(in: .whitespaces)
    }

    /// Replaces every field of that name by `line` (a whole folded field, CRLF between its lines)
    /// in the place of the first; adds it after `after` (or last) when there was none.
    public mutating func set(_ name: String, _ line: String, after: String? = nil) {
        let new = line.components(separatedBy: "\r\n")
        let key = name.lowercased()
        if let first = fields.firstIndex(where: { Self.name($0) == key }) {
            fields[first] = new
            fields = fields.enumerated().filter { $0.offset == first || Self.name($0.element) != key }.map(\.element)
        } else if let after, let i = fields.firstIndex(where: { Self.name($0) == after.lowercased() }) {
            fields.insert(new, at: i + 1)
        } else {
            fields.append(new)
        }
    }

    /// The header block (every field, then the empty line) and the body: the message's bytes.
    public var message: [UInt8] { Array(headerText.utf8) + body }

    public var headerText: String { fields.flatMap { $0 }.map { $0 + "\r\n" }.joined() + "\r\n" }
}
