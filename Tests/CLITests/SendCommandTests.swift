import Foundation
import Testing

/// `crm-report send`: email.eml through a real SMTP exchange (libcurl against python3-aiosmtpd
/// on 127.0.0.1), arriving byte for byte; refusals are exit 3 with the server's reply; bad input
/// is exit 2 before any connection.
@Suite("Send command")
struct SendCommandTests {
    @Test("the message arrives byte for byte, To set from --to; a refused recipient is exit 3 with the reply and nothing is sent")
    func delivers() throws {
        // With site_url the default From is crm-report@ its host, an address a server accepts.
        let folder = try EmailMessageTests.publish(["--site-url", "https://reports.example.com/crm/"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        guard let server = try MailPath.Server(folder: inbox) else { return }
        defer { server.stop() }
        let out = folder.appendingPathComponent("out").path

        let r = try CLI.run(["send", "--out", out, "--to", "ceo@example.com, cfo@example.com", "--smtp", server.url, "--starttls", "off"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Sent 2026-W47/email.eml"), "\(r.stdout)")
        let received = try server.received()
        #expect(received.count == 1)
        let file = try String(contentsOf: folder.appendingPathComponent("out/2026-W47/email.eml"), encoding: .utf8)
        // The file has no To (no email.to): send adds one after the From, and changes nothing else.
        let fromLine = try #require(file.range(of: "\r\n"))
        let expected = file[..<fromLine.upperBound] + "To: ceo@example.com, cfo@example.com\r\n" + file[fromLine.upperBound...]
        #expect(file.hasPrefix("From: \"CRM report\" <crm-report@reports.example.com>\r\n"))
        if let got = received.first {
            #expect(got.message == Data(expected.utf8), "arrived \(got.message.count) bytes, sent \(expected.utf8.count)")
            #expect(got.envelope["mail_from"] as? String == "crm-report@reports.example.com")
            #expect(got.envelope["rcpt_tos"] as? [String] == ["ceo@example.com", "cfo@example.com"])
        }

        // --from replaces the sender in the envelope and the header.
        let f = try CLI.run(["send", "--out", out, "--to", "ceo@example.com", "--from", "BI <bi@example.com>", "--smtp", server.url, "--starttls", "off"])
        #expect(f.status == 0, "\(f.stderr)")
        let second = try server.received()
        #expect(second.count == 2)
        if second.count == 2 {
            #expect(second[1].envelope["mail_from"] as? String == "bi@example.com")
            #expect(String(decoding: second[1].message, as: UTF8.self).hasPrefix("From: \"BI\" <bi@example.com>\r\nTo: ceo@example.com\r\nSubject: "))
        }

        // One refused recipient: nothing is sent, exit 3, the server's reply on one line.
        let refused = try CLI.run(["send", "--out", out, "--to", "ceo@example.com,refuse@example.com", "--smtp", server.url, "--starttls", "off"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("550 5.7.1 <refuse@example.com>: relaying denied"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try server.received().count == 2)

        // The safe default: STARTTLS required, and this server offers none, so nothing goes in clear.
        let clear = try CLI.run(["send", "--out", out, "--to", "ceo@example.com", "--smtp", server.url])
        #expect(clear.status == 3, "\(clear.stderr)")
        #expect(clear.stderr.contains("STARTTLS") || clear.stderr.contains("SSL") || clear.stderr.contains("TLS"), "\(clear.stderr)")
        #expect(try server.received().count == 2)
    }

    @Test("--dry-run prints the server, the envelope and the header fields, and sends nothing")
    func dryRun() throws {
        let folder = try EmailMessageTests.publish()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLI.run(["send", "--out", folder.appendingPathComponent("out").path, "--to", "ceo@example.com",
                             "--from", "bi@example.com", "--smtp", "smtp://mail.example.com", "--dry-run"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("through smtp://mail.example.com:587 (STARTTLS required)"), "\(r.stdout)")
        #expect(r.stdout.contains("MAIL FROM:<bi@example.com>\nRCPT TO:<ceo@example.com>\n"))
        #expect(r.stdout.contains("\nFrom: bi@example.com\n"))
        #expect(r.stdout.contains("\nTo: ceo@example.com\n") && r.stdout.contains("\nSubject: ") && r.stdout.contains("\nMessage-ID: <"))
    }

    @Test("bad input is exit 2 with one line, before any connection")
    func badInput() throws {
        let folder = try EmailMessageTests.publish()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let smtp = "smtp://127.0.0.1:1"
        func expectBad(_ args: [String], _ words: String, env: [String: String] = [:]) throws {
            let r = try CLI.run(["send"] + args, environment: env)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(words) && r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
        // No email.from and no site_url: the From is a placeholder no server accepts.
        try expectBad(["--out", out, "--to", "a@example.com", "--smtp", smtp], "the message's From 'crm-report@crm-report.invalid' is no address")
        try expectBad(["--out", out, "--to", "not-an-address", "--smtp", smtp, "--from", "bi@example.com"], "--to: not an e-mail address: 'not-an-address'")
        try expectBad(["--out", out, "--to", "a@example.com,", "--smtp", smtp, "--from", "bi@example.com"], "--to: not an e-mail address")
        try expectBad(["--out", out, "--to", "a@-bad-.example", "--smtp", smtp, "--from", "bi@example.com"], "--to: not an e-mail address")
        try expectBad(["--out", out, "--to", "a@example.com", "--from", "x", "--smtp", smtp], "--from: not an e-mail address")
        try expectBad(["--out", out, "--smtp", smtp, "--from", "bi@example.com"], "no recipients")
        try expectBad(["--out", folder.appendingPathComponent("nowhere").path, "--to", "a@example.com", "--smtp", smtp], "no such folder")
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try expectBad(["--out", empty.path, "--to", "a@example.com", "--smtp", smtp], "no published period")
        try expectBad(["--out", out, "--to", "a@example.com", "--smtp", "http://mail.example.com"], "--smtp: not an SMTP server address")
        try expectBad(["--out", out, "--to", "a@example.com", "--smtp", "smtp://user:pw@mail.example.com"], "SMTP_USER and SMTP_PASSWORD")
        try expectBad(["--out", out, "--to", "a@example.com", "--smtp", "smtps://mail.example.com", "--starttls", "off"], "--starttls applies to smtp:// only")
        try expectBad(["--out", out, "--to", "a@example.com", "--smtp", smtp, "--starttls", "off", "--from", "bi@example.com"], "would be sent unencrypted",
                      env: ["SMTP_USER": "u", "SMTP_PASSWORD": "p"])
        try expectBad(["--out", out, "--to", "a@example.com", "--smtp", smtp, "--from", "bi@example.com"], "set both SMTP_USER and SMTP_PASSWORD", env: ["SMTP_USER": "u"])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("out/2026-W47/email.eml"))
        try expectBad(["--out", out, "--to", "a@example.com", "--smtp", smtp], "email.eml not found")
    }

    @Test("a server that cannot be reached is exit 3, one line")
    func unreachable() throws {
        let folder = try EmailMessageTests.publish()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLI.run(["send", "--out", folder.appendingPathComponent("out").path, "--to", "a@example.com",
                             "--from", "bi@example.com", "--smtp", "smtp://127.0.0.1:1", "--starttls", "off"])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("crm-report: smtp://127.0.0.1:1: ") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
}
