import Foundation
@testable import Mail
import Testing

/// The encodings and header fields of a message, against values worked out by hand (and
/// checked against Python's `email` package, which reads them back in Tests/CLITests).
@Suite("Mail encoding")
struct MailEncodingTests {
    @Test("quoted-printable: `=` and non-ASCII as =XX, a space ending a line kept visible, CRLF line ends")
    func quotedPrintable() {
        #expect(TransferEncoding.quotedPrintable("a=b\n") == "a=3Db\r\n")
        #expect(TransferEncoding.quotedPrintable("café") == "caf=C3=A9")
        #expect(TransferEncoding.quotedPrintable("x \ny\t\n") == "x=20\r\ny=09\r\n")
        #expect(TransferEncoding.quotedPrintable("one\r\n\r\ntwo\n") == "one\r\n\r\ntwo\r\n")
        // A line a mailbox file or an SMTP server might change: its first byte is encoded.
        #expect(TransferEncoding.quotedPrintable("From here\n.\n") == "=46rom here\r\n=2E\r\n")
    }

    @Test("quoted-printable: long lines get soft breaks at 76 characters, never inside =XX")
    func softBreaks() {
        let long = String(repeating: "a", count: 100)
        #expect(TransferEncoding.quotedPrintable(long) == String(repeating: "a", count: 75) + "=\r\n" + String(repeating: "a", count: 25))
        // 74 letters, then ₽ (E2 82 BD): the first =E2 would end at 77, so it starts the next line.
        let rouble = String(repeating: "b", count: 74) + "₽"
        #expect(TransferEncoding.quotedPrintable(rouble) == String(repeating: "b", count: 74) + "=\r\n=E2=82=BD")
        for line in TransferEncoding.quotedPrintable(String(repeating: "ж ", count: 300)).components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
        }
    }

    @Test("base64 in lines of 76 characters, each ended by CRLF")
    func base64() {
        #expect(TransferEncoding.base64Lines(Array("Man".utf8)) == "TWFu\r\n")
        #expect(TransferEncoding.base64Lines([0, 1, 2]) == "AAEC\r\n")
        #expect(TransferEncoding.base64Lines([0xFF]) == "/w==\r\n")
        let lines = TransferEncoding.base64Lines([UInt8](repeating: 7, count: 58)).components(separatedBy: "\r\n")
        #expect(lines.map(\.count) == [76, 4, 0])
        #expect(TransferEncoding.base64Lines((0..<1000).map { UInt8($0 & 0xFF) }) == Data((0..<1000).map { UInt8($0 & 0xFF) })
            .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]) + "\r\n")
    }

    @Test("an RFC 5322 date in the zone's offset at that moment")
    func date() {
        // 2026-12-07 00:00 in Moscow (+03:00) is 2026-12-06 21:00 UTC = 1796590800; a Monday.
        #expect(HeaderField.date(secondsSince1970: 1_796_590_800, offsetSeconds: 3 * 3600) == "Mon, 07 Dec 2026 00:00:00 +0300")
        // West of UTC: 2026-03-29 00:00 at -05:00 = 1774760400, a Sunday.
        #expect(HeaderField.date(secondsSince1970: 1_774_760_400, offsetSeconds: -5 * 3600) == "Sun, 29 Mar 2026 00:00:00 -0500")
        #expect(HeaderField.date(secondsSince1970: 0, offsetSeconds: 5 * 3600 + 1800) == "Thu, 01 Jan 1970 05:30:00 +0530")
    }

    @Test("a UTF-8 subject becomes encoded words of at most 64 characters that decode to the text")
    func subject() throws {
        let text = "Неделя 49: выручка 11,3 млн ₽, −20,5 % к прошлой неделе"
        let field = HeaderField.unstructured("Subject", text)
        let lines = field.components(separatedBy: "\r\n")
        #expect(lines.count > 1 && lines.dropFirst().allSatisfy { $0.hasPrefix(" =?UTF-8?B?") })
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        var decoded = Data()
        for word in field.dropFirst("Subject: ".count).components(separatedBy: "\r\n ") {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?=") && word.count <= 64)
            decoded += try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
        }
        #expect(String(decoding: decoded, as: UTF8.self) == text)
        // Plain ASCII stays readable.
        #expect(HeaderField.unstructured("Subject", "Week 49: revenue $11.3M") == "Subject: Week 49: revenue $11.3M")
        // The same words as Python's email.header for the subject.
        #expect(HeaderField.encodedWords("Week 49: revenue ₽11.3M, −20.5% vs previous").joined().hasPrefix("=?UTF-8?B?V2VlayA0OTogcmV2ZW51ZSDigr0xMS4zTSwg4oiSMjAu"))
    }

    @Test("mailboxes: an address, or a display name and an address; anything else is refused")
    func mailboxes() {
        #expect(Mailbox(parsing: " reports@example.com ") == Mailbox(name: nil, address: "reports@example.com"))
        #expect(Mailbox(parsing: "CRM report <reports@example.com>") == Mailbox(name: "CRM report", address: "reports@example.com"))
        #expect(Mailbox(parsing: "\"Petrova, I.\" <ip@example.com>") == Mailbox(name: "Petrova, I.", address: "ip@example.com"))
        for bad in ["", "reports", "a <b@c", "a@b\r\nBcc: x@y", "two words@example.com", "a@b, c@d"] {
            #expect(Mailbox(parsing: bad) == nil, "\(bad)")
        }
        #expect(Mailbox(name: "CRM report", address: "r@example.com").headerText == "\"CRM report\" <r@example.com>")
        #expect(Mailbox(name: "Отчёт", address: "r@example.com").headerText == "=?UTF-8?B?0J7RgtGH0ZHRgg==?= <r@example.com>")
    }

    @Test("a message's header block: fields read unfolded, To set after From, the body untouched")
    func headers() throws {
        let text = "From: a@example.com\r\nSubject: one\r\n two\r\nTo: old@example.com\r\nTo: older@example.com\r\n\r\nbody\r\n.\r\n"
        var h = try #require(MessageHeaders(message: Array(text.utf8)))
        #expect(h.value("subject") == "one two")
        h.set("To", "To: new@example.com")
        #expect(String(decoding: h.message, as: UTF8.self)
            == "From: a@example.com\r\nSubject: one\r\n two\r\nTo: new@example.com\r\n\r\nbody\r\n.\r\n")
        var g = try #require(MessageHeaders(message: Array("From: a@b.c\r\nDate: x\r\n\r\n".utf8)))
        g.set("To", "To: t@b.c", after: "From")
        #expect(g.headerText == "From: a@b.c\r\nTo: t@b.c\r\nDate: x\r\n\r\n")
        #expect(MessageHeaders(message: Array("no header block".utf8)) == nil)
        #expect(MessageHeaders(message: Array(" folded first\r\n\r\n".utf8)) == nil)
    }

    @Test("multipart: the boundary `=_token` appears in no part, separates them and closes the body")
    func multipart() {
        let parts: [MIMEEntity] = [.text("Hello =_crm world\n", subtype: "plain"), .inlineImage([1, 2, 3], type: "image/png", contentID: "c@h", filename: "c.png")]
        let a = MIMEEntity.multipart("related", parts, token: "crm", parameters: "type=\"text/html\"")
        #expect(a.headers == ["Content-Type: multipart/related;\r\n boundary=\"=_crm\";\r\n type=\"text/html\""])
        #expect(!parts.contains { $0.text.contains("=_crm") }, "quoted-printable wrote the text's =_crm as =3D_crm")
        #expect(a.body == "--=_crm\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "Hello =3D_crm world\r\n\r\n--=_crm\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-ID: <c@h>\r\nContent-Disposition: inline; filename=\"c.png\"\r\n\r\nAQID\r\n\r\n--=_crm--\r\n")
    }
}
