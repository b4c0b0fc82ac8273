import GRDBSQLite

/// One row of a raw SQLite scan, read in place: text as bytes valid until the next step.
/// This is the one place that touches SQLite's C API, for speed on millions of rows.
struct RowCursor {
    let stmt: OpaquePointer

    @inline(__always) func isNull(_ i: Int32) -> Bool { sqlite3_column_type(stmt, i) == SQLITE_NULL }

    /// The text of a column; nil for NULL, empty or blank text ("Empty or blank text is NULL").
    @inline(__always) func text(_ i: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let p = sqlite3_column_text(stmt, i) else { return nil }
        let n = Int(sqlite3_column_bytes(stmt, i))
        let b = UnsafeBufferPointer(start: p, count: n)
        for c in b where c != 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { return b }
        return nil
    }

    /// The text of a column as a String, cleaned of control characters (see `CleanText`);
    /// nil also when nothing but blanks is left.
    @inline(__always) func string(_ i: Int32) -> String? { CleanText.text(text(i)) }

    /// An integer column: nil for NULL or blank; `.invalid` for text or a fraction that is no integer.
    @inline(__always) func integer(_ i: Int32) -> Number<Int64> {
        switch sqlite3_column_type(stmt, i) {
        case SQLITE_INTEGER: return .value(sqlite3_column_int64(stmt, i))
        case SQLITE_NULL: return .null
        case SQLITE_FLOAT:
            let d = sqlite3_column_double(stmt, i)
            return d == d.rounded() && abs(d) < 9e15 ? .value(Int64(d)) : .invalid
        default:
            guard let t = text(i) else { return .null }
            guard t.count <= TextBounds.number else { return .invalid }
            return Int64(String(decoding: t, as: UTF8.self).trimmingSpaces).map { .value($0) } ?? .invalid
        }
    }

    /// A real column: nil for NULL or blank; `.invalid` for text that is no number.
    @inline(__always) func real(_ i: Int32) -> Number<Double> {
        switch sqlite3_column_type(stmt, i) {
        case SQLITE_INTEGER, SQLITE_FLOAT:
            let d = sqlite3_column_double(stmt, i)
            return d.isFinite ? .value(d) : .invalid
        case SQLITE_NULL: return .null
        default:
            guard let t = text(i) else { return .null }
            // Double(String) stops at a NUL (C's strtod): "7\0" is no number, not 7.
            guard t.count <= TextBounds.number, !t.contains(0), let d = Double(String(decoding: t, as: UTF8.self).trimmingSpaces), d.isFinite else { return .invalid }
            return .value(d)
        }
    }
}

/// Every text that reaches a page, a chart or a CSV is cleaned once, where it is read from the
/// database (`RowCursor.string`, `Labels.intern`): control characters other than tab and newline
/// (C0, DEL) and the noncharacters U+FFFE/U+FFFF are dropped. A NUL in a campaign name made six
/// SVG files invalid XML (issue 13, item 7). Timestamps and enum values are not cleaned: a control
/// character there makes the row bad, as any other unexpected byte does.
public enum CleanText {
    /// Whether the bytes hold anything to drop: one pass, no allocation (0xEF leads U+FFFE/U+FFFF).
    @inline(__always) public static func needsCleaning(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in b where (c < 0x20 && c != 0x09 && c != 0x0A) || c == 0x7F || c == 0xEF { return true }
        return false
    }

    /// A text cell as it is kept: nil when absent (NULL or blank) or when nothing but blanks is
    /// left once cleaned.
    @inline(__always) public static func text(_ t: UnsafeBufferPointer<UInt8>?) -> String? {
        guard let t else { return nil }
        guard needsCleaning(t) else { return String(decoding: t, as: UTF8.self) }
        let s = string(t)
        return s.allSatisfy(\.isWhitespace) ? nil : s
    }

    public static func string(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for u in String(decoding: b, as: UTF8.self).unicodeScalars where keeps(u) { scalars.append(u) }
        return String(scalars)
    }

    public static func string(_ s: String) -> String {
        s.unicodeScalars.allSatisfy(keeps) ? s : String(String.UnicodeScalarView(s.unicodeScalars.filter(keeps)))
    }

    @inline(__always) static func keeps(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (v >= 0x20 || v == 0x09 || v == 0x0A) && v != 0x7F && v != 0xFFFE && v != 0xFFFF
    }
}

enum Number<T> {
    case null, invalid, value(T)
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
