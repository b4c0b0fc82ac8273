import CRMData
import Foundation

/// A CSV text (RFC 4180: quoted fields, doubled quotes inside them, LF or CRLF line ends)
/// walked row by row over its bytes. A row hands out its fields by index without making a
/// String of the fields nobody asks for, so half a million rows import in a blink even in
/// a debug build (CSV.swift makes every field a String).
struct CSVBytes {
    let bytes: [UInt8]

    /// One row: the byte ranges of its fields. Quoted fields keep their quotes until read.
    struct Row {
        let base: UnsafeBufferPointer<UInt8>
        var starts: [Int]
        var ends: [Int]
        var count: Int { starts.count }

        /// The field as text (unquoted), nil when the row has no such field; empty text is "".
        func string(_ i: Int) -> String? {
            guard i < starts.count else { return nil }
            var a = starts[i], b = ends[i]
            if b > a, base[a] == UInt8(ascii: "\""), base[b - 1] == UInt8(ascii: "\"") {
                a += 1; b -= 1
                let raw = String(decoding: UnsafeBufferPointer(rebasing: base[a..<b]), as: UTF8.self)
                return raw.replacingOccurrences(of: "\"\"", with: "\"")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: base[a..<b]), as: UTF8.self)
        }

        /// The field trimmed; nil when absent or blank.
        func text(_ i: Int) -> String? {
            guard let s = string(i)?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
            return s
        }

        func double(_ i: Int) -> Double? { number(i) ?? text(i).flatMap { Double($0) } }

        /// A plain decimal ("-12", "2.55") read straight from the bytes; nil for anything else
        /// (quotes, spaces, exponents, more than 15 digits), which `double` then reads the slow way.
        /// Up to 15 digits the mantissa is exact and one division by an exact power of ten rounds correctly.
        func number(_ i: Int) -> Double? {
            guard i < starts.count else { return nil }
            var k = starts[i]
            let end = ends[i]
            guard k < end else { return nil }
            var negative = false
            if base[k] == UInt8(ascii: "-") { negative = true; k += 1 }
            var mantissa: Int64 = 0, digits = 0, scale = 0, seenPoint = false
            while k < end {
                let b = base[k]
                if b == UInt8(ascii: ".") && !seenPoint {
                    seenPoint = true
                } else if b >= 48 && b <= 57 {
                    mantissa = mantissa * 10 + Int64(b - 48)
                    digits += 1
                    if seenPoint { scale += 1 }
                    if digits > 15 { return nil }
                } else {
                    return nil
                }
                k += 1
            }
            guard digits > 0 else { return nil }
            let v = Double(mantissa) / Self.powers[scale]
            return negative ? -v : v
        }

        static let powers: [Double] = (0...15).map { p in (0..<p).reduce(1.0) { a, _ in a * 10 } }

        /// Whether the field is empty (no byte between the commas).
        func isEmpty(_ i: Int) -> Bool { i >= starts.count || starts[i] == ends[i] }
    }

    /// Calls `body` for each data row (the header row is skipped), with the row's 1-based line number.
    func forEachRow(skipHeader: Bool = true, _ body: (Row, Int) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var i = 0
            var line = 0
            var row = Row(base: p, starts: [], ends: [])
            while i < n {
                row.starts.removeAll(keepingCapacity: true)
                row.ends.removeAll(keepingCapacity: true)
                line += 1
                // Fields of one record.
                while true {
                    let start = i
                    if i < n && p[i] == UInt8(ascii: "\"") {
                        i += 1
                        while i < n {
                            if p[i] == UInt8(ascii: "\"") {
                                if i + 1 < n && p[i + 1] == UInt8(ascii: "\"") { i += 2; continue }
                                i += 1
                                break
                            }
                            i += 1
                        }
                        while i < n && p[i] != UInt8(ascii: ",") && p[i] != 10 && p[i] != 13 { i += 1 }
                    } else {
                        while i < n && p[i] != UInt8(ascii: ",") && p[i] != 10 && p[i] != 13 { i += 1 }
                    }
                    row.starts.append(start)
                    row.ends.append(i)
                    if i < n && p[i] == UInt8(ascii: ",") { i += 1; continue }
                    break
                }
                if i < n && p[i] == 13 { i += 1 }
                if i < n && p[i] == 10 { i += 1 }
                if line == 1 && skipHeader { continue }
                if row.count == 1 && row.starts[0] == row.ends[0] { continue }   // a blank line
                try body(row, line)
            }
        }
    }

    /// The column names of the header row (the first line).
    func header() -> [String] {
        let end = bytes.firstIndex(of: 10) ?? bytes.count
        var names: [String] = []
        try? CSVBytes(bytes: Array(bytes[..<end])).forEachRow(skipHeader: false) { row, _ in
            names = (0..<row.count).map { row.string($0) ?? "" }
        }
        return names
    }

    /// The dataset file `name` in `folder`, as it is or compressed beside it as `name.gz`
    /// (the project's own copies in Tests/Data are gzipped); the plain file wins when both exist.
    /// Returns the file it read, for error messages.
    static func read(_ name: String, in folder: URL) throws -> (csv: CSVBytes, file: URL) {
        let plain = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: plain.path) {
            return (name.hasSuffix(".gz") ? try readGzip(plain) : try read(plain), plain)
        }
        let gzipped = folder.appendingPathComponent(name + ".gz")
        if FileManager.default.fileExists(atPath: gzipped.path) { return (try readGzip(gzipped), gzipped) }
        throw CRMError("import: cannot read \(plain.path) (nor \(gzipped.lastPathComponent))")
    }

    static func read(_ url: URL) throws -> CSVBytes {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CRMError("import: cannot read \(url.path)")
        }
        return CSVBytes(bytes: [UInt8](data))
    }

    /// Decompresses a .gz file with the system's gzip (always present on Debian and macOS).
    static func readGzip(_ url: URL) throws -> CSVBytes {
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw CRMError("import: cannot read \(url.path)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw CRMError("import: cannot run gzip to read \(url.path): \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CRMError("import: gzip could not decompress \(url.path)") }
        return CSVBytes(bytes: [UInt8](data))
    }

    /// The header must name these columns; returns their indexes in the given order.
    func columns(_ names: [String], file: String) throws -> [Int] {
        let head = header().map { $0.trimmingCharacters(in: .whitespaces) }
        return try names.map { name in
            guard let i = head.firstIndex(of: name) else { throw CRMError("import: \(file) has no column '\(name)' (found: \(head.joined(separator: ", ")))") }
            return i
        }
    }
}
