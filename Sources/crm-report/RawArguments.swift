import CRMData
import Foundation

/// The command line as the kernel passed it. Swift decodes each argument as UTF-8 and replaces
/// bytes that are not with U+FFFD, so a path with such a name (`x\xff.sqlite`, possible on Linux)
/// would name another, absent file and be "not found" although it exists: such an argument is
/// refused up front, saying why and what to do.
enum RawArguments {
    static func checkUTF8() throws {
        for i in 1..<Int(CommandLine.argc) {
            guard let p = CommandLine.unsafeArgv[i] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p))
            guard String(validating: bytes, as: UTF8.self) == nil else { continue }
            let shown = bytes.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true) }.joined()
            throw CRMError("argument \(i) is not valid UTF-8 text ('\(shown)'): crm-report reads paths as UTF-8; "
                + "rename the file or give a link to it with a UTF-8 name (ln -s)")
        }
    }
}
