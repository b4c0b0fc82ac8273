import Formatting
import Foundation

/// RFC 4180 CSV text with a guard against spreadsheet formulas: a cell starting with
/// `=`, `+`, `-`, `@`, tab or carriage return, and each line inside a cell that starts with
/// one of them, is prefixed with `'` inside the cell's quotes (outputs.md, "Findings CSV").
/// The one writer of every findings file and of `crm-report audit --format csv`.
/// Hand-written rather than CSV.swift: its writer goes one scalar at a time through an
/// OutputStream, far too slow for findings files of a million rows, and has no such guard.
/// Written straight into bytes, cell by cell, for the same reason.
public struct CSVText {
    public private(set) var bytes: [UInt8] = []
    private var rowStarted = false

    public init(header: [String]) { append(header) }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
    public var data: Data { Data(bytes) }

    public mutating func append(_ row: [String]) {
        for cell in row { self.cell(cell) }
        endRow()
    }

    /// The next cell of the current row: text, made formula-safe and quoted where it must be.
    /// A cell whose first line, or any later line, starts with a formula character gets a `'`
    /// before that character, inside the quotes (a guarded cell is always quoted), so every
    /// record keeps the header's field count and no line of a cell runs as a formula.
    public mutating func cell(_ raw: String) {
        separate()
        var raw = BidiText.stripped(raw)   // a bidi control could make the row read otherwise in a viewer
        raw.withUTF8 { utf8 in
            let guarded = Self.needsGuard(utf8)
            guard guarded || utf8.contains(where: Self.needsQuotes) else { bytes.append(contentsOf: utf8); return }
            bytes.append(UInt8(ascii: "\""))
            var lineStart = true
            for (i, b) in utf8.enumerated() {
                if lineStart && Self.formulaStarts.contains(b) { bytes.append(UInt8(ascii: "'")) }
                if b == UInt8(ascii: "\"") { bytes.append(b) }
                bytes.append(b)
                lineStart = Self.endsLine(utf8, at: i)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// Whether a line of the cell (the first, or one after a line break) starts with a formula character.
    private static func needsGuard(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first else { return false }
        if formulaStarts.contains(first) { return true }
        for i in utf8.indices.dropLast() where endsLine(utf8, at: i) && formulaStarts.contains(utf8[i + 1]) { return true }
        return false
    }

    /// Whether byte `i` ends a line: a line feed, or a carriage return not followed by one (CR LF is one break).
    private static func endsLine(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = utf8[i]
        if b == UInt8(ascii: "\n") { return true }
        return b == UInt8(ascii: "\r") && (i + 1 == utf8.count || utf8[i + 1] != UInt8(ascii: "\n"))
    }

    /// The next cell: an integer, or empty when nil.
    public mutating func cell<I: BinaryInteger>(_ v: I?) {
        separate()
        if let v { bytes.appendDecimal(v) }
    }

    public mutating func endRow() {
        bytes.append(UInt8(ascii: "\r"))
        bytes.append(UInt8(ascii: "\n"))
        rowStarted = false
    }

    private mutating func separate() {
        if rowStarted { bytes.append(UInt8(ascii: ",")) }
        rowStarted = true
    }

    private static let formulaStarts: Set<UInt8> = Set("=+-@\t\r".utf8)
    private static func needsQuotes(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "\"") || b == UInt8(ascii: ",") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n")
    }
}
