import Foundation
import Testing
@testable import Audits

@Suite struct AddressListTests {
    @Test func roleAddressesAreWholeLocalPartsIgnoringCase() {
        let roles = RoleAddresses()
        #expect(roles.contains(localPart: "info"))
        #expect(roles.contains(localPart: "No-Reply"))
        #expect(!roles.contains(localPart: "info+x"))
        #expect(!roles.contains(localPart: "info.desk"))
        #expect(!roles.contains(localPart: "desk"))
        #expect(RoleAddresses(adding: [" Desk "]).contains(localPart: "desk"))
    }

    @Test func disposableDomainsIncludeSubDomainsButNotLookAlikes() {
        let list = DisposableDomains()
        #expect(DisposableDomains.shipped.count == 8335)
        #expect(list.contains("mailinator.com"))
        #expect(list.contains("eu.mailinator.com"))
        #expect(list.contains("a.b.mailinator.com"))
        #expect(!list.contains("xmailinator.com"))
        #expect(!list.contains("mailinator.com.example.org"))
        #expect(!list.contains("com"))
        // notmailinator.com is itself on the shipped list (it is a throwaway service too).
        #expect(list.contains("notmailinator.com"))
    }

    /// The list is data: data/disposable-email-domains/disposable_email_blocklist.conf, verbatim from upstream
    /// (commit a6458931, SHA-256 in its SOURCE.md), compiled in at build time line for line.
    @Test func shippedListIsThePinnedDataFileLineForLine() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("data/disposable-email-domains/disposable_email_blocklist.conf")
        let sha = Process()
        sha.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sha.arguments = ["sha256sum", file.path]
        let pipe = Pipe()
        sha.standardOutput = pipe
        try sha.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        sha.waitUntilExit()
        #expect(out.hasPrefix("e22191c2af20697fc715a301e5d3ebeac795e55913bf1f68572abd308d5bf161 "),
                "the list differs from upstream commit a6458931: update data/disposable-email-domains/SOURCE.md and this test with it")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(DisposableDomains.shippedList == String(text.dropLast()))
        #expect(Set(text.split(separator: "\n").map(String.init)) == DisposableDomains.shipped)
    }

    @Test func configExtendsTheDisposableList() {
        let list = DisposableDomains(adding: ["Throwaway.Example", "почта.рф"])
        #expect(list.contains("throwaway.example"))
        #expect(list.contains("x.throwaway.example"))
        #expect(list.contains(DomainName.toASCII("почта.рф") ?? ""))
        #expect(!DisposableDomains().contains("throwaway.example"))
    }
}
