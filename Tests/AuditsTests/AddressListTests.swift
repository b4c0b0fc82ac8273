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

    @Test func configExtendsTheDisposableList() {
        let list = DisposableDomains(adding: ["Throwaway.Example", "почта.рф"])
        #expect(list.contains("throwaway.example"))
        #expect(list.contains("x.throwaway.example"))
        #expect(list.contains(DomainName.toASCII("почта.рф") ?? ""))
        #expect(!DisposableDomains().contains("throwaway.example"))
    }
}
