import Formatting

/// A check's legal basis (written in English in its description, e.g. "38-FZ art. 18 part 1;
/// GDPR Art. 7(3)") in the page's language: Russian pages cite "38-ФЗ ст. 18 ч. 1; GDPR ст. 7(3)".
enum LegalBasis {
    /// Longest phrases first, so a phrase is replaced before the words inside it.
    static let russian: [(String, String)] = [
        ("(the burden of proof lies with the sender)", "(бремя доказывания лежит на отправителе)"),
        ("(consent must stay demonstrable)", "(согласие должно оставаться доказуемым)"),
        ("good practice: re-confirm", "добросовестная практика: переподтверждать"),
        ("-FZ", "-ФЗ"), ("Art. ", "ст. "), ("art. ", "ст. "), ("part ", "ч. "),
    ]

    static func text(_ basis: String, locale: ReportLocale) -> String {
        guard locale == .ru else { return basis }
        return russian.reduce(basis) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
