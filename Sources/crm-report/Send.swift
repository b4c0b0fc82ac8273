import ArgumentParser
import Audits
import CRMData
import Foundation
import Mail
import MailSend
import Site

struct Send: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mail the latest period's email.eml through an SMTP server.",
        discussion: """
        Sends OUT/<latest period>/email.eml as generate wrote it, with its To set to --to (and its From to \
        --from when given), through libcurl: smtp:// upgrades with STARTTLS (required by default), smtps:// is \
        TLS from the start; the server's certificate is checked against the system's trust roots (or --cacert). \
        The login comes from SMTP_USER and SMTP_PASSWORD when set, and is only ever sent encrypted. \
        Exit 2: a bad address or option, no published period, no email.eml. Exit 3: the server could not be \
        reached or refused the message (its reply on one line).
        """)

    @Option(help: ArgumentHelp("Output folder holding the published periods.", valueName: "folder"))
    var out = "output"

    @Option(help: ArgumentHelp("Recipients, separated by commas. Default: the message's To (email.to in the config).", valueName: "addr[,addr]"))
    var to: String?

    @Option(help: ArgumentHelp("The SMTP server: smtp://HOST[:PORT] (port 587, STARTTLS) or smtps://HOST[:PORT] (port 465).", valueName: "url"))
    var smtp: String

    @Option(help: ArgumentHelp("The sender, in the envelope and the From field. Default: the message's From (email.from in the config).", valueName: "addr"))
    var from: String?

    @Option(name: .customLong("starttls"), help: ArgumentHelp(
        "smtp:// only: required (stop unless the connection is upgraded to TLS), optional (upgrade when offered), or off (a local relay). Default: required.",
        valueName: "required|optional|off"))
    var startTLS: SMTPServer.StartTLS?

    @Option(help: ArgumentHelp("A CA bundle (PEM) to check the server's certificate against. Default: the system's trust roots.", valueName: "file"))
    var cacert: String?

    @Flag(name: .customLong("dry-run"), help: "Print the server, the envelope and the message's header fields; send nothing.")
    var dryRun = false

    func run() throws {
        let server: SMTPServer
        switch SMTPServer.parse(smtp, startTLS: startTLS) {
        case .success(let s): server = s
        case .failure(let e): throw CRMError(e.message)
        }
        let (label, path) = try Self.latestMessage(out)
        guard let data = FileManager.default.contents(atPath: path), var headers = MessageHeaders(message: Array(data)) else {
            throw CRMError("\(path): unreadable or not a message (no header block)")
        }

        // The From: --from replaces the message's; the envelope sender is its address.
        let fromBox: Mailbox
        if let from {
            fromBox = try Self.mailbox(from, option: "--from")
            headers.set("From", HeaderField.mailboxes("From", [fromBox]))
        } else {
            guard let field = headers.value("From"), let box = Mailbox(parsing: field) else { throw CRMError("\(path): the message has no From: pass --from") }
            fromBox = box
        }
        if from == nil, !EmailValidator.check(fromBox.address).isValid {
            throw CRMError("the message's From '\(fromBox.address)' is no address a server accepts: set email.from (or site_url) before generate, or pass --from")
        }
        let sender = try Self.envelopeAddress(fromBox.address, option: from == nil ? "the message's From" : "--from")

        let recipients: [Mailbox]
        if let to {
            recipients = try to.split(separator: ",", omittingEmptySubsequences: false).map {
                try Self.mailbox(String($0), option: "--to")
            }
            headers.set("To", HeaderField.mailboxes("To", recipients), after: "From")
        } else {
            guard let field = headers.value("To") else { throw CRMError("no recipients: pass --to ADDR[,ADDR] (or set email.to in the config before generate)") }
            recipients = try field.split(separator: ",").map { try Self.mailbox(String($0), option: "the message's To") }
        }
        let envelope = try recipients.map { try Self.envelopeAddress($0.address, option: to == nil ? "the message's To" : "--to") }

        var smtpSender = SMTPSender(server: server)
        let env = ProcessInfo.processInfo.environment
        let user = env["SMTP_USER"].flatMap { $0.isEmpty ? nil : $0 }, password = env["SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        guard (user == nil) == (password == nil) else { throw CRMError("set both SMTP_USER and SMTP_PASSWORD, or neither") }
        if password != nil, !server.alwaysEncrypted {
            throw CRMError("SMTP_PASSWORD would be sent unencrypted with --starttls \(server.startTLS.rawValue): use smtps:// or --starttls required")
        }
        smtpSender.user = user
        smtpSender.password = password
        if let cacert {
            guard FileManager.default.isReadableFile(atPath: cacert) else { throw CRMError("--cacert: no such readable file '\(cacert)'") }
            smtpSender.caFile = cacert
        }

        let message = headers.message
        let what = "\(label)/email.eml (\(message.count) bytes)"
        if dryRun {
            print("Would send \(what) through \(server.description)\(user.map { ", logged in as \($0)" } ?? "")")
            print("MAIL FROM:<\(sender)>")
            for r in envelope { print("RCPT TO:<\(r)>") }
            print("")
            print(headers.fields.flatMap { $0 }.joined(separator: "\n"))
            return
        }
        do { try smtpSender.send(message, from: sender, to: envelope) } catch let e as SMTPError {
            throw CRMError(e.message, kind: .internalFailure)
        }
        print("Sent \(what) to \(envelope.joined(separator: ", ")) through \(server.url)")
    }

    /// The newest published period's label and its email.eml.
    static func latestMessage(_ out: String) throws -> (String, String) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), isFolder.boolValue else {
            throw CRMError("--out: no such folder '\(out)'")
        }
        guard let label = ArchivePage.latestPeriod(outputRoot: URL(fileURLWithPath: out)) else {
            throw CRMError("--out: no published period in '\(out)': run crm-report generate first")
        }
        let path = URL(fileURLWithPath: out).appendingPathComponent(label).appendingPathComponent("email.eml").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw CRMError("\(path) not found: the period was published by an earlier version; run crm-report generate again")
        }
        return (label, path)
    }

    static func mailbox(_ text: String, option: String) throws -> Mailbox {
        guard let m = Mailbox(parsing: text) else { throw CRMError("\(option): not an e-mail address: '\(text.trimmingCharacters(in: .whitespaces))'") }
        return m
    }

    /// The address as the envelope carries it: valid by the rules the stale-contact audit applies
    /// (RFC 5321/5322, IDNA domains in their ASCII form); a non-ASCII local part would need
    /// SMTPUTF8, which is not used.
    static func envelopeAddress(_ address: String, option: String) throws -> String {
        let v = EmailValidator.check(address)
        guard v.isValid, let local = v.localPart, let domain = v.asciiDomain else { throw CRMError("\(option): not an e-mail address: '\(address)'") }
        guard local.utf8.allSatisfy({ $0 < 0x80 }) else { throw CRMError("\(option): '\(address)' has a non-ASCII local part, which SMTP without SMTPUTF8 cannot carry") }
        return "\(local)@\(domain)"
    }
}

extension SMTPServer.StartTLS: ExpressibleByArgument {}
