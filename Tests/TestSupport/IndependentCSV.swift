import Foundation

/// Reads CSV back with a parser that is not crm-report's: Python's `csv` module in strict mode
/// (RFC 4180 quoting, embedded line breaks), run as a subprocess.
public enum IndependentCSV {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Every record of the CSV bytes, each a list of fields.
    public static func parse(_ data: Data) throws -> [[String]] {
        let script = """
        import csv, io, json, sys
        text = sys.stdin.buffer.read().decode('utf-8')
        rows = list(csv.reader(io.StringIO(text, newline=''), strict=True))
        json.dump(rows, sys.stdout)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Fed from another thread: a large file would fill the pipe while Python's output waits.
        let writer = Thread {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 csv: \(String(decoding: err, as: UTF8.self))")
        }
        guard let rows = try JSONSerialization.jsonObject(with: out) as? [[String]] else {
            throw Failure(description: "python3 csv: not a list of records")
        }
        return rows
    }

    /// A cell as the formula guard of outputs.md must write it: without bidi controls (issue 19,
    /// item 9: they could make the row read otherwise), then a `'` before every `=`, `+`, `-`,
    /// `@`, tab or carriage return that starts the cell or follows a line feed or carriage return.
    public static func guarded(_ text: String) -> String {
        let starts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
        let bidi: Set<Unicode.Scalar> = ["\u{061C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
                                         "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for c in text.unicodeScalars where !bidi.contains(c) {
            if starts.contains(c) && (previous == nil || previous == "\n" || previous == "\r") { out.append("'") }
            out.append(c)
            previous = c
        }
        return String(out)
    }

    /// Whether any line of a cell (split at LF, CR LF or CR) starts with a formula character.
    public static func hasLiveFormula(_ cell: String) -> Bool {
        cell.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .components(separatedBy: "\n").contains { line in line.first.map { "=+-@\t".contains($0) } ?? false }
    }
}
