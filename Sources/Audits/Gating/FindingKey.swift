import CRMData

/// The stable name of one finding, as a waiver file writes it:
/// `<check>:<subject>:<id>`, e.g. `after_withdrawal:message:1234`, `not_erased:contact:77`,
/// `missing_evidence:consent:9`. The id is the CRM's own id of the subject row, so the key
/// survives re-reads, re-orderings and later as-of dates.
public struct FindingKey: Sendable, Hashable, CustomStringConvertible {
    /// What a finding is about, and so which table's id its key holds.
    public enum Subject: String, Sendable, CaseIterable {
        case message, contact, consent
    }

    public let check: String
    public let subject: Subject
    public let id: Int64

    public init(check: String, subject: Subject, id: Int64) {
        self.check = check
        self.subject = subject
        self.id = id
    }

    /// The key of a finding: its message when it has one, else the consent event for
    /// `.consent` checks (grant-level), else its contact.
    public init(_ finding: Finding, subject: Subject, in snapshot: Snapshot) {
        func id(_ row: Int32, _ ids: [Int64]?) -> Int64? { row >= 0 ? ids?[Int(row)] : nil }
        self.init(check: finding.check, subject: subject, messageID: id(finding.message, snapshot.messages?.id),
                  consentID: id(finding.decidingEvent, snapshot.consents?.id), contactID: snapshot.contacts.id[Int(finding.contact)])
    }

    /// The same from the ids at hand (nil: the finding has no such row).
    public init(check: String, subject: Subject, messageID: Int64?, consentID: Int64?, contactID: Int64) {
        switch subject {
        case .message where messageID != nil: self.init(check: check, subject: .message, id: messageID ?? 0)
        case .consent where consentID != nil: self.init(check: check, subject: .consent, id: consentID ?? 0)
        default: self.init(check: check, subject: .contact, id: contactID)
        }
    }

    /// Parses `check:subject:id`; nil when it is not of that form.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty,
              parts[0].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }),
              let subject = Subject(rawValue: String(parts[1])),
              parts[2].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), let id = Int64(parts[2]) else { return nil }
        self.init(check: String(parts[0]), subject: subject, id: id)
    }

    public var description: String { "\(check):\(subject.rawValue):\(id)" }
}
