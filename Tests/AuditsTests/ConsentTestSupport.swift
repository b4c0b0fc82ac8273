import CRMData
import Testing
import TestSupport
@testable import Audits

/// One example database read back through the real reader, with its consent audit.
struct ConsentCase {
    let snapshot: Snapshot
    let audit: ConsentAudit
    let config: ReportConfig

    init(_ example: Example, waivers: [Waiver] = [], timezone: String = "UTC") throws {
        let db = try FixtureDB()
        try db.insert(rows: example.rows)
        config = try ReportConfig.with(example.config)
        snapshot = try db.snapshot(asOf: example.asOf, timezone: timezone)
        let policy = try GatePolicy.consent(config)
        audit = ConsentAudit(snapshot: snapshot, config: config, policy: policy, waivers: waivers)
    }

    /// Convenience: contacts, consents and messages rows.
    init(asOf: String = "2026-11-23", config: [String: String] = [:], contacts: [ExampleRow.Row] = [ExampleRow.contact()],
         consents: [ExampleRow.Row] = [], messages: [ExampleRow.Row] = [], waivers: [Waiver] = []) throws {
        try self.init(Example(asOf: asOf, config: config, contacts: contacts, consents: consents, messages: messages), waivers: waivers)
    }

    func findings(_ check: String) -> [ConsentFinding] { audit.findings.filter { $0.check == check } }

    /// The message-level findings as (check, message id, deciding consent id or nil).
    var messageFindings: [Row] {
        audit.findings.filter { $0.finding.message >= 0 && $0.check != "unrecorded_unsubscribe" }.map(row)
    }

    func row(_ f: ConsentFinding) -> Row {
        Row(check: f.check,
            message: f.finding.message >= 0 ? snapshot.messages?.id[Int(f.finding.message)] : nil,
            contact: snapshot.contacts.id[Int(f.finding.contact)],
            event: f.finding.decidingEvent >= 0 ? snapshot.consents?.id[Int(f.finding.decidingEvent)] : nil)
    }

    struct Row: Equatable, CustomStringConvertible {
        var check: String
        var message: Int64?
        var contact: Int64 = 1
        var event: Int64?
        var description: String { "\(check) m\(message.map(String.init) ?? "-") c\(contact) e\(event.map(String.init) ?? "-")" }
    }
}

typealias R = ExampleRow
