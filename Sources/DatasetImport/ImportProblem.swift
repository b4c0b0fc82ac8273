import CRMData

/// The one line (exit 2) for a value an importer cannot take: it names the file, the line and
/// the field, and shows the value (escaped and cut short: it may be a megabyte of anything).
enum ImportProblem {
    static func field(_ file: String, line: Int, _ field: String, _ what: String) -> CRMError {
        CRMError("import: \(file) line \(line), \(field): \(what)")
    }

    static func value(_ file: String, line: Int, _ field: String, _ value: String?, expected: String) -> CRMError {
        self.field(file, line: line, field, "expected \(expected), got \(shown(value))")
    }

    static func shortRow(_ file: String, line: Int, fields: Int, expected: Int) -> CRMError {
        CRMError("import: \(file) line \(line): \(fields) field\(fields == 1 ? "" : "s"), expected \(expected)")
    }

    /// The value quoted, control characters escaped, at most 40 characters.
    static func shown(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "nothing" }
        let cut = value.unicodeScalars.prefix(40).map { $0.value < 0x20 || $0.value == 0x7F ? $0.escaped(asASCII: true) : String($0) }.joined()
        return "'\(cut)\(value.unicodeScalars.count > 40 ? "..." : "")'"
    }
}

extension CSVBytes.Row {
    /// A whole number that fits an id (below 9e15 in magnitude); nil for anything else
    /// (`1e30`, `nan`, `12.5`, text).
    func wholeNumber(_ i: Int) -> Int64? {
        guard let d = double(i), d.isFinite, d == d.rounded(), abs(d) < 9e15 else { return nil }
        return Int64(d)
    }

    /// Throws the short-row line when the row has fewer fields than the header.
    func require(fields expected: Int, file: String, line: Int) throws {
        guard count >= expected else { throw ImportProblem.shortRow(file, line: line, fields: count, expected: expected) }
    }
}
