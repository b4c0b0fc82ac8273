import Foundation

/// RFC 4180 CSV text with a guard against spreadsheet formulas: a cell starting with
/// `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` (outputs.md, "Findings CSV").
/// Hand-written rather than CSV.swift: its writer goes one scalar at a time through an
/// OutputStream, far too slow for findings files of a million rows, and has no such guard.
public struct CSVText {
    public private(set) var text: String

    public init(header: [String]) {
        text = ""
        append(header)
    }

    public mutating func append(_ row: [String]) {
        text += row.map(Self.cell).joined(separator: ",")
        text += "\r\n"
    }

    static func cell(_ raw: String) -> String {
        var v = raw
        if let f = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(f) { v = "'" + v }
        guard v.contains(where: { $0 == "\"" || $0 == "," || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
