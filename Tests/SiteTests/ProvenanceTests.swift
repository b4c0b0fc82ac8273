import Foundation
import Testing
import TestSupport
@testable import Site

@Suite struct ProvenanceTests {
    @Test func aFileHashIsTheSHA256OfItsBytes() throws {
        let folder = try ScratchFolder.make("provenance")
        let small = folder.appendingPathComponent("abc")
        try Data("abc".utf8).write(to: small)
        // FIPS 180-2, appendix B.1.
        #expect(try Provenance.sha256(ofFile: small.path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")

        // Larger than one 4 MiB block, ending inside the second: coreutils' sha256sum of the same file.
        let bytes = Data((0..<(4 << 20) + 12_345).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) })
        let large = folder.appendingPathComponent("large")
        try bytes.write(to: large)
        let expected = try sha256sum(large)
        #expect(expected.count == 64)
        #expect(try Provenance.sha256(ofFile: large.path) == expected)

        let empty = folder.appendingPathComponent("empty")
        try Data().write(to: empty)
        #expect(try Provenance.sha256(ofFile: empty.path) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func aTextHashIsTheSHA256OfItsUTF8() throws {
        // FIPS 180-2, appendix B.1 and B.2; and two-byte UTF-8, against `printf 'ё' | sha256sum`.
        #expect(try Provenance.sha256(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try Provenance.sha256(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let folder = try ScratchFolder.make("provenance-text")
        let file = folder.appendingPathComponent("text")
        try Data("ё".utf8).write(to: file)
        #expect(try Provenance.sha256(of: "ё") == sha256sum(file))
    }

    /// coreutils' `sha256sum` of a file: an independent implementation.
    private func sha256sum(_ file: URL) throws -> String {
        let sum = Process()
        sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sum.arguments = [file.path]
        let out = Pipe()
        sum.standardOutput = out
        try sum.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        sum.waitUntilExit()
        return String(printed.prefix(64))
    }

    @Test func anUnreadableFileIsOneLineNamingIt() {
        #expect(throws: (any Error).self) { try Provenance.sha256(ofFile: "/nonexistent/crm.sqlite") }
        do {
            _ = try Provenance.sha256(ofFile: "/nonexistent/crm.sqlite")
        } catch {
            #expect("\(error)".contains("cannot read /nonexistent/crm.sqlite to hash it: No such file or directory"))
        }
    }
}
