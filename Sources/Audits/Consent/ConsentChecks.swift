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

    /// Each check's evidence facts, by id (metrics.md, "Evidence").
    public static let evidence: [String: [EvidenceFact.Name]] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.description.identifier, $0.evidence) })

    /// Each check's index in `all`, by id.
    static let index: [String: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($0.element.description.identifier, $0.offset) })
}
