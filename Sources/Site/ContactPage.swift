import Audits
import CRMData
import Formatting
import Results

/// `crm-report contact --format html`: the consent file as one printable page in the site's
/// style (report-templates/contact.mustache with the site's stylesheet), in English or Russian.
/// It shows what the JSON holds (`ContactFileDoc`), in the same order and masking.
public struct ContactPage {
    let doc: ContactFileDoc
    let locale: ReportLocale

    public init(_ doc: ContactFileDoc, locale: ReportLocale) {
        self.doc = doc
        self.locale = locale
    }

    func w(_ key: String) -> String { (locale == .ru ? Self.ru[key] : Self.en[key]) ?? "⟦\(key)⟧" }

    public func render(_ templates: Templates) throws -> String {
        let f = doc.file, words = Words(locale)
        let format = NumberFormat(locale: locale, currency: "RUB")
        func shown(_ t: Instant?) -> String { t.map { LocalTime.shown($0, zone: doc.zone, format: format) } ?? "" }
        func checkName(_ id: String) -> String {
            let d = ConsentChecks.descriptions.first { $0.identifier == id } ?? StaleChecks.description(of: id)
            return d.map { words.text($0.name) } ?? id
        }
        let show = doc.showPII
        let fields: [(String, String)] = [
            (w("id"), String(f.id)), (w("created"), shown(f.createdAt)), (w("verified"), shown(f.verifiedAt)),
            (w("deleted"), shown(f.deletedAt)), (w("email"), PersonalData.email(f.email, show: show)),
            (w("phone"), PersonalData.phone(f.phone, show: show)), (w("push"), f.hasPushToken ? w("yes") : w("no")),
            (w("birth"), f.birthDate.map { show ? $0 : "***" } ?? ""), (w("segment"), f.segment), (w("source"), f.source ?? ""),
            (w("region"), f.region ?? ""), (w("owner"), f.owner ?? ""),
        ]
        let timeline: [[String: Any]] = doc.entries.map { e in
            var values: [String: String] = [:]
            for (k, v) in e.fields {
                switch v {
                case .string(let s): values[k] = s
                case .int(let i): values[k] = String(i)
                case .bool(let b): values[k] = b ? w("yes") : w("no")
                default: break
                }
            }
            var details: [String] = []
            var state = "", finding = ""
            switch e.kind {
            case "consent":
                details.append("#\(values["event_id"] ?? "") \(values["purpose"] ?? "") · \(values["channel"] ?? w("all_channels"))")
                if let s = values["source"] { details.append("\(w("from")) \(s)") }
                details.append(show ? (values["evidence"].map { "\(w("evidence")): \($0)" } ?? w("no_evidence"))
                                    : (values["has_evidence"] == w("yes") ? "\(w("evidence")): ***" : w("no_evidence")))
                if let x = values["expires_at"] { details.append("\(w("expires")) \(x)") }
                state = w("action." + (values["action"] ?? ""))
            case "message":
                details.append("#\(values["message_id"] ?? "") \(values["channel"] ?? "") · \(values["purpose"] ?? "")")
                if let c = values["campaign"] { details.append(c) }
                state = w("state." + (values["consent_state"] ?? ""))
                if let d = values["deciding_event_id"] { state += " (#\(d))" }
                finding = values["finding"].map(checkName) ?? ""
            case "unsubscribe":
                details.append("#\(values["message_id"] ?? "") \(values["channel"] ?? "")")
            default: break
            }
            return ["at": shown(e.at), "kind": w("kind." + e.kind), "details": details.joined(separator: "; "), "state": state, "finding": finding]
        }
        func waiverText(_ v: Waiver?) -> String {
            v.map { "\($0.reason) (\($0.acceptedBy), \(w("until")) \($0.expiresLabel))" } ?? ""
        }
        var findings: [[String: Any]] = (f.consentFindings ?? []).map { e in
            let subject = e.messageID.map { "\(w("message")) #\($0)" } ?? e.eventID.map { "\(w("event")) #\($0)" } ?? w("the_contact")
            return ["audit": w("consent_audit"), "check": checkName(e.check), "check_id": e.check, "severity": words["severity." + e.severity.rawValue],
                    "subject": subject, "waiver": waiverText(e.waiver)]
        }
        findings += f.staleFindings.map { s in
            ["audit": w("stale_audit"), "check": checkName(s.check), "check_id": s.check, "severity": words["severity." + s.severity.rawValue],
             "subject": w("the_contact"), "waiver": waiverText(s.waiver)]
        }
        let p = doc.provenance
        var c: [String: Any] = [
            "lang": locale.rawValue, "title": "\(w("title")) #\(f.id)",
            "lead": w("lead").replacingOccurrences(of: "{as_of}", with: p.asOf).replacingOccurrences(of: "{zone}", with: p.timezone),
            "pii_note": show ? w("unmasked") : w("masked"),
            "fields_title": w("fields"), "fields": fields.map { ["label": $0.0, "value": $0.1] },
            "timeline_title": w("timeline"), "when_label": w("when"), "what_label": w("what"), "details_label": w("details"),
            "state_label": w("state"), "finding_label": w("finding"), "timeline": timeline,
            "findings_title": w("findings"), "has_findings": !findings.isEmpty, "findings": findings,
            "audit_label": w("audit"), "check_label": w("check"), "severity_label": w("severity"), "subject_label": w("subject"),
            "waiver_label": w("waiver"), "no_findings": w("no_findings"),
            "footer": "\(Provenance.generator), \(w("as_of")) \(p.asOf) (\(p.timezone)), \(w("config")) \(p.configHash.prefix(12)), "
                + "\(w("database")) \(p.databaseSHA256)",
        ]
        if f.consentFindings == nil { c["consent_not_run"] = w("consent_not_run") }
        return try templates.render("contact", c)
    }

    static let en: [String: String] = [
        "title": "Consent file of contact", "lead": "Everything the CRM held about this person at {as_of}, in time order, times in {zone}: each message with the consent of its channel when it was sent and the event that decided it, and the findings of both audits.",
        "masked": "Personal data is masked; run with --show-pii to see it.", "unmasked": "Personal data is shown unmasked (--show-pii).",
        "fields": "The contact", "id": "Id", "created": "Created", "verified": "Verified", "deleted": "Deleted", "email": "E-mail", "phone": "Phone",
        "push": "Push token", "birth": "Birth date", "segment": "Segment", "source": "Source", "region": "Region", "owner": "Owner",
        "yes": "yes", "no": "no", "timeline": "Timeline", "when": "When", "what": "What", "details": "Details", "state": "Consent of the channel",
        "finding": "Finding", "kind.created": "created", "kind.consent": "consent event", "kind.message": "message",
        "kind.unsubscribe": "unsubscribed", "kind.deleted": "deleted", "all_channels": "every channel", "from": "from",
        "evidence": "evidence", "no_evidence": "no evidence recorded", "expires": "expires", "action.grant": "grant", "action.withdraw": "withdrawal",
        "state.transactional": "transactional, none needed", "state.granted": "granted", "state.withdrawn": "withdrawn",
        "state.expired": "expired", "state.none": "never granted", "findings": "Findings", "audit": "Audit", "check": "Check",
        "severity": "Severity", "subject": "Concerns", "waiver": "Waiver", "no_findings": "Neither audit has a finding for this contact.",
        "consent_audit": "consent", "stale_audit": "stale contacts", "message": "message", "event": "consent event",
        "the_contact": "the contact", "until": "until", "as_of": "as of", "config": "config", "database": "database",
        "consent_not_run": "The consent audit did not run: the database has no consents or messages table.",
    ]

    static let ru: [String: String] = [
        "title": "Досье согласий контакта", "lead": "Всё, что CRM хранила об этом человеке на {as_of}, по времени, время в поясе {zone}: каждое сообщение с согласием по его каналу на момент отправки и событием, которое это решило, и замечания обоих аудитов.",
        "masked": "Персональные данные скрыты; запустите с --show-pii, чтобы их увидеть.", "unmasked": "Персональные данные показаны открыто (--show-pii).",
        "fields": "Контакт", "id": "Id", "created": "Создан", "verified": "Подтверждён", "deleted": "Удалён", "email": "E-mail", "phone": "Телефон",
        "push": "Push-токен", "birth": "Дата рождения", "segment": "Сегмент", "source": "Источник", "region": "Регион", "owner": "Ответственный",
        "yes": "да", "no": "нет", "timeline": "Хронология", "when": "Когда", "what": "Что", "details": "Подробности", "state": "Согласие по каналу",
        "finding": "Замечание", "kind.created": "создан", "kind.consent": "событие согласия", "kind.message": "сообщение",
        "kind.unsubscribe": "отписка", "kind.deleted": "удалён", "all_channels": "все каналы", "from": "источник",
        "evidence": "подтверждение", "no_evidence": "подтверждение не записано", "expires": "истекает", "action.grant": "согласие",
        "action.withdraw": "отзыв", "state.transactional": "транзакционное, не требуется", "state.granted": "дано",
        "state.withdrawn": "отозвано", "state.expired": "истекло", "state.none": "не давалось", "findings": "Замечания", "audit": "Аудит",
        "check": "Проверка", "severity": "Серьёзность", "subject": "Касается", "waiver": "Исключение",
        "no_findings": "Ни у одного аудита нет замечаний по этому контакту.", "consent_audit": "согласия",
        "stale_audit": "устаревшие контакты", "message": "сообщение", "event": "событие согласия", "the_contact": "контакт",
        "until": "до", "as_of": "на", "config": "конфигурация", "database": "база",
        "consent_not_run": "Аудит согласий не выполнялся: в базе нет таблицы consents или messages.",
    ]
}
