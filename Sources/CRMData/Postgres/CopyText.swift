/// A SQLite text (or BLOB) cell as one field of COPY's text format, as the reader reads it.
///
/// PostgreSQL's text holds neither NUL nor invalid UTF-8, which SQLite keeps as they came (a
/// BLOB in a text column, a NUL inside text, Latin-1 bytes). Each is written as the reader sees
/// it (`RowCursor`): the bytes decoded as UTF-8, an invalid sequence becoming U+FFFD; and a NUL
/// becoming U+0001, another control character, so that the row stays what it was for the
/// reader: clean text drops both (`CleanText`), a timestamp, amount or enum value holding either
/// is as bad as before. The target then reports the same bad rows as the source.
enum CopyText {
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        guard bytes.contains(where: { $0 == 0x5C || $0 < 0x20 || $0 >= 0x80 }) else {
            buffer.append(contentsOf: bytes)
            return
        }
        // Invalid UTF-8 becomes U+FFFD, as `String(decoding:as:)` makes it for the reader.
        let text = String(decoding: bytes, as: UTF8.self)
        for c in text.utf8 {
            switch c {
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
            case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
            case 0x00: buffer.append(0x01)
            default: buffer.append(c)
            }
        }
    }
}
