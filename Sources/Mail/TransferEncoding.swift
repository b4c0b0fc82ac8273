/// The two content transfer encodings of RFC 2045 an e-mail needs: quoted-printable for text
/// (readable where it is ASCII, every line within 76 characters) and base64 for images.
/// Both give CRLF line ends, as RFC 5322 requires on the wire.
public enum TransferEncoding {
    static let hex = Array("0123456789ABCDEF".utf8)
    static let crlf = "\r\n"

    /// Quoted-printable (RFC 2045 6.7) of UTF-8 text whose lines end in LF (or CRLF): line
    /// breaks stay hard breaks (CRLF), long lines get soft breaks (`=` CRLF) so no encoded line
    /// is longer than 76 characters; `=`, non-ASCII bytes, controls and a space or tab ending a
    /// line are `=XX`. A line starting with `From ` or `.` has its first byte encoded, so no
    /// mail system on the way changes it.
    public static func quotedPrintable(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for (i, line) in lines.enumerated() {
            // The text's final LF ends the last line; nothing follows it.
            if i == lines.count - 1, line.isEmpty, i > 0 { break }
            out.append(encodeLine(Array(line.utf8)))
        }
        return out.joined(separator: crlf) + (text.hasSuffix("\n") ? crlf : "")
    }

    static func encodeLine(_ bytes: [UInt8]) -> String {
        var tokens: [String] = []
        tokens.reserveCapacity(bytes.count)
        let startsRisky = bytes.starts(with: Array("From ".utf8)) || bytes.first == UInt8(ascii: ".")
        for (i, b) in bytes.enumerated() {
            let last = i == bytes.count - 1
            let literal = (b >= 33 && b <= 126 && b != UInt8(ascii: "=")) || ((b == 0x20 || b == 0x09) && !last)
            if literal && !(i == 0 && startsRisky) {
                tokens.append(String(UnicodeScalar(b)))
            } else {
                tokens.append("=" + String(UnicodeScalar(hex[Int(b >> 4)])) + String(UnicodeScalar(hex[Int(b & 0xF)])))
            }
        }
        // Soft breaks: at most 75 characters and the `=`; an `=XX` is never split.
        var lines: [String] = []
        var current = ""
        for t in tokens {
            if current.utf8.count + t.utf8.count > 75 {
                lines.append(current + "=")
                current = ""
            }
            current += t
        }
        lines.append(current)
        return lines.joined(separator: crlf)
    }

    /// Base64 (RFC 2045 6.8) in lines of 76 characters, each ending in CRLF.
    public static func base64Lines(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var encoded: [UInt8] = []
        encoded.reserveCapacity((bytes.count + 2) / 3 * 4 + bytes.count / 57 * 2 + 2)
        var column = 0
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            let b0 = bytes[i], b1 = n > 1 ? bytes[i + 1] : 0, b2 = n > 2 ? bytes[i + 2] : 0
            encoded.append(table[Int(b0 >> 2)])
            encoded.append(table[Int((b0 & 0x03) << 4 | b1 >> 4)])
            encoded.append(n > 1 ? table[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            encoded.append(n > 2 ? table[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            i += 3
            column += 4
            if column == 76 || i >= bytes.count {
                encoded.append(0x0D)
                encoded.append(0x0A)
                column = 0
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}
