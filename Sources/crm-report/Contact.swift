import ArgumentParser
import Audits
import CRMData
import Formatting
import Foundation
import Reports
import Results
import Site

/// `crm-report contact`: one person's consent file, for a complaint or a subject access request.
struct Contact: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One person's consent file: every consent event, message and unsubscribe in time order, with the findings.",
        discussion: """
        Finds the contact by --id, --email (compared trimmed, ignoring case) or --phone (compared in E.164 with \
        stale.default_region, so 8 (912) 345-67-89 finds +79123456789); several matches are listed, not guessed (exit 2). \
        Shows the contact's fields, every consent event, every message with the consent of its channel when it was sent \
        and the event that decided it, every unsubscribe, the deletion, and the findings of both audits with their \
        waivers, in the configured time zone; personal data masked unless --show-pii. Reads only this contact's rows \
        (SQLite), with the as-of cut and bad-row rules of generate. The file holds personal data: it goes to standard \
        output or to --out, never into the site.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, html }

    @OptionGroup var read: ReadOptions

    @Option(help: ArgumentHelp("The contact's id.", valueName: "N"))
    var id: Int64?

    @Option(help: ArgumentHelp("The contact's e-mail address.", valueName: "address"))
    var email: String?

    @Option(help: ArgumentHelp("The contact's phone number, as typed.", valueName: "number"))
    var phone: String?

    @Option(help: "Output format. Default: json.")
    var format: Format = .json

    @Option(help: "Page language (html). Default: en.")
    var locale: ReportLocale?

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Flag(name: .customLong("show-pii"), help: "Show personal data (e-mail, phone, birth date, consent evidence) unmasked.")
    var showPII = false

    func run() async throws {
        let keys = [id.map { ContactLookup.Key.id($0) }, email.map { .email($0) }, phone.map { .phone($0) }].compactMap { $0 }
        guard keys.count == 1, let key = keys.first else {
            throw CRMError("contact: give exactly one of --id, --email and --phone")
        }
        let config = try read.resolve { c in
            if let locale { c.locale = locale }
            if showPII { c.showPII = true }
        }
        let templates = format == .html ? try Templates() : nil
        _ = try AuditGating(config)   // a bad setting or waiver file is bad input before the read
        let resolved = try ResolvedRun(config)
        let reader = try resolved.reader(config, since: Date(), progress: Terminal.progress)
        let lookup = ContactLookup(key, region: config.staleDefaultRegion)
        let subject = Subject()
        let dbPath = resolved.dbPath
        let hashing = Provenance.hashingDatabase(at: dbPath)
        let snapshot = try reader.read { keys in
            let scope = try lookup.scope(in: keys)
            subject.set(scope.subject)
            return scope
        }
        let period = ReportPeriod.latest(config.period, asOfDay: resolved.asOfDay)
        let file = try ContactFile(id: subject.id, snapshot: snapshot, config: config, period: period)
        let provenance = try Provenance(config: config, asOfDay: resolved.asOfDay,
                                        databaseSHA256: Provenance.databaseIdentity(hashed: try await hashing.value, snapshot: snapshot))
        let doc = ContactFileDoc(file, provenance: provenance, zone: resolved.zone, showPII: config.showPII)
        let text = try templates.map { try ContactPage(doc, locale: config.locale).render($0) } ?? doc.json.text()
        try PersonalOutput.write(text, to: out)
    }

    /// The contact the lookup chose, handed out of the reader's closure.
    final class Subject: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Int64 = 0
        func set(_ v: Int64) { lock.lock(); value = v; lock.unlock() }
        var id: Int64 { lock.lock(); defer { lock.unlock() }; return value }
    }
}

/// Where a file holding personal data goes: standard output, or the one file `--out` names
/// (written whole through a temporary file beside it), never into the site.
enum PersonalOutput {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw CRMError("--out: \(path) is a folder; name a file")
        }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw CRMError("--out: cannot write \(path): \(error.localizedDescription)")
        }
    }
}
