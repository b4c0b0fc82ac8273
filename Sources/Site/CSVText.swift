import Foundation

/// RFC 4180 CSV text with a guard against spreadsheet formulas: a cell starting with
/// `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` (outputs.md, "Findings CSV").
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
    public mutating func cell(_ raw: String) {
        separate()
        var raw = raw
        raw.withUTF8 { utf8 in
            if let first = utf8.first, Self.formulaStarts.contains(first) { bytes.append(UInt8(ascii: "'")) }
            guard utf8.contains(where: Self.needsQuotes) else { bytes.append(contentsOf: utf8); return }
            bytes.append(UInt8(ascii: "\""))
            for b in utf8 {
                if b == UInt8(ascii: "\"") { bytes.append(b) }
                bytes.append(b)
            }
            bytes.append(UInt8(ascii: "\""))
        }
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
