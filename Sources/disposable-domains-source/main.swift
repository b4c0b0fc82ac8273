import Foundation

// Turns the disposable-domain list (one domain a line, verbatim from upstream) into the Swift source of
// `DisposableDomains.shippedList`, at build time (Plugins/DisposableDomainsPlugin).
//   disposable-domains-source LIST.conf OUTPUT.swift
// A line that is not a plain lower-case domain name (or a comment or blank) stops the build, naming it:
// the list is pasted into a raw string literal, so nothing else may reach the source.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: disposable-domains-source LIST.conf OUTPUT.swift\n".utf8))
    exit(2)
}
let (input, output) = (arguments[1], arguments[2])
guard let data = FileManager.default.contents(atPath: input) else {
    FileHandle.standardError.write(Data("disposable-domains-source: cannot read \(input)\n".utf8))
    exit(2)
}
let text = String(decoding: data, as: UTF8.self)
let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-")
for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    if line.isEmpty || line.hasPrefix("#") || line.allSatisfy({ allowed.contains($0) }) { continue }
    FileHandle.standardError.write(Data("\(input):\(number + 1): not a lower-case domain name: \(line)\n".utf8))
    exit(1)
}
let source = """
    // Generated at build time from \(URL(fileURLWithPath: input).lastPathComponent) by disposable-domains-source
    // (Plugins/DisposableDomainsPlugin). Do not edit: the list is data/disposable-email-domains/.

    extension DisposableDomains {
        /// One domain a line, as published.
        static let shippedList = #\"\"\"
    \(text.hasSuffix("\n") ? String(text.dropLast()) : text)
    \"\"\"#
    }

    """
do {
    // Rewritten only when it changes, so an unchanged list recompiles nothing.
    if FileManager.default.contents(atPath: output) != Data(source.utf8) {
        try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("disposable-domains-source: cannot write \(output): \(error)\n".utf8))
    exit(2)
}
