/// The registry of the consent audit: the only list of its checks.
///
/// The order matters for messages: a message gets at most one finding, the first of the
/// message checks here that applies (to_deleted, no_consent, after_withdrawal,
/// expired_consent, after_unsubscribe). Findings are sorted by check id, not by this order.
public enum ConsentChecks {
    public static let all: [any ConsentCheck.Type] = [
        ToDeletedCheck.self,
        NoConsentCheck.self,
        AfterWithdrawalCheck.self,
        ExpiredConsentCheck.self,
        AfterUnsubscribeCheck.self,
        UnrecordedUnsubscribeCheck.self,
        NoProcessingConsentCheck.self,
        MissingEvidenceCheck.self,
        OldConsentCheck.self,
        MinorCheck.self,
        NotErasedCheck.self,
    ]

    public static var descriptions: [CheckDescription] { all.map { $0.description } }

    /// The optional tables a check reads: to_deleted only messages; the other message and
    /// unsubscribe checks messages and consents; the grant and contact checks only consents
    /// (not_erased and no_processing_consent need no messages). Without them it does not run.
    public static func tables(of check: any ConsentCheck.Type) -> [String] {
        if check.description.identifier == ToDeletedCheck.description.identifier { return ["messages"] }
        if check is any MessageCheck.Type || check is any UnsubscribeCheck.Type { return ["consents", "messages"] }
        return ["consents"]
    }

    /// The subject each check's waiver keys name, by check id.
    public static var subjects: [String: FindingKey.Subject] {
        Dictionary(all.map { ($0.description.identifier, $0.population.subject) }, uniquingKeysWith: { a, _ in a })
    }

    /// Each check's evidence facts, by id (metrics.md, "Evidence").
    public static let evidence: [String: [EvidenceFact.Name]] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.description.identifier, $0.evidence) })

    /// Each check's index in `all`, by id.
    static let index: [String: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($0.element.description.identifier, $0.offset) })
}
