import Audits
import CRMData
import Formatting
import Results

/// The block both audit pages open with: the gate's verdict for the run (which of this audit's
/// checks fail it, at what count against what threshold), the checks that could not run and
/// why, and the settings in force. From `AuditResults.settings` and the audit's tallies.
struct AuditGatePanel {
    enum Audit: String { case consent, staleContacts = "stale_contacts" }

    let audit: Audit
    let results: AuditResults
    let frame: PageFrame

    var words: Words { frame.words }
    var format: NumberFormat { frame.format }
    func count(_ n: Int) -> String { format.count(Double(n)) }

    /// This audit's checks for the gate, by id.
    var tallies: [CheckTally] { results.tallies.first { $0.audit == audit.rawValue }?.tallies ?? [] }

    func checkName(_ id: String) -> String {
        let d = audit == .consent ? ConsentChecks.descriptions.first { $0.identifier == id } : StaleChecks.description(of: id)
        return d.map { words.text($0.name) } ?? id
    }

    /// A threshold as the pages show it: a count, or a share as a percentage; a dash for none.
    static func thresholdText(_ t: Threshold?, format: NumberFormat) -> String {
        switch t {
        case .count(let n)?: return format.count(Double(n))
        case .share(let s)?: return format.percent(s)
        case nil: return NumberFormat.missing
        }
    }

    func threshold(_ t: Threshold?) -> String { Self.thresholdText(t, format: format) }

    /// Why a check did not run, in the page's language.
    func reason(_ t: CheckTally) -> String {
        words.fill(t.absentTables.count == 1 ? "gate.reason_table" : "gate.reason_tables", ["tables": t.absentTables.joined(separator: ", ")])
    }

    /// The verdict in one sentence, and its tone.
    var verdict: (text: String, tone: String) {
        let v = results.verdict
        guard let failOn = v.failOn else { return (words["gate.not_gated"], "muted") }
        let level = failOn.rawValue
        let mine = tallies.filter { v.fails($0) }
        if v.result == .fail {
            let list = mine.map { t in
                guard t.ran else { return words.fill("gate.failing_not_run", ["check": t.check]) }
                return t.threshold == nil ? words.fill("gate.failing_any", ["check": t.check, "n": count(t.count)])
                    : words.fill("gate.failing_count", ["check": t.check, "n": count(t.count), "threshold": threshold(t.threshold)])
            }
            let here = list.isEmpty ? words["gate.failing_elsewhere"] : list.joined(separator: "; ")
            return (words.fill("gate.fail", ["level": level, "failing": here]), "bad")
        }
        let below = tallies.filter { $0.ran && $0.severity >= failOn }.reduce(0) { $0 + $1.count }
        return (below > 0 ? words.fill("gate.pass_below", ["level": level, "severity": words["severity.\(level)"], "n": count(below)]) : words.fill("gate.pass", ["level": level]), "ok")
    }

    /// A severity override, threshold or skip list as "check → value; ...", or "none".
    func list(_ items: [(String, String)]) -> String {
        items.isEmpty ? words["gate.none"] : items.sorted { $0.0 < $1.0 }.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
    }

    /// The settings in force, as label and value rows.
    var settings: [[String: String]] {
        guard let s = results.settings else { return [] }
        let gating = audit == .consent ? s.consent : s.stale
        func days(_ n: Int) -> String { words.fill("gate.days", ["n": count(n)]) }
        var rows: [(String, String)]
        switch audit {
        case .consent:
            rows = [("gate.grace_days", days(s.graceDays)), ("gate.erasure_days", days(s.erasureDays)),
                    ("gate.reconfirm_days", days(s.reconfirmDays)), ("gate.min_age", words.fill("gate.years", ["n": count(s.minAge)]))]
        case .staleContacts:
            rows = [("gate.verify_days", days(s.verifyDays)),
                    ("gate.dormant_days", "b2c \(days(s.dormantDaysB2C)), b2b \(days(s.dormantDaysB2B))"),
                    ("gate.default_region", s.defaultRegion)]
        }
        let prefix = audit == .consent ? "consent" : "stale"
        rows += [("gate.overrides", list(gating.overrides.map { ($0.key, words["severity.\($0.value.rawValue)"]) })),
                 ("gate.thresholds", list(gating.thresholds.map { ($0.key, threshold($0.value)) })),
                 ("gate.skip", gating.skip.isEmpty ? words["gate.none"] : gating.skip.joined(separator: ", "))]
        return rows.map { key, value in
            ["label": words[key], "key_label": key.replacingOccurrences(of: "gate.", with: "\(prefix).").replacingOccurrences(of: ".overrides", with: ".severity"),
             "value": value]
        }
    }

    var context: [String: Any] {
        let v = verdict
        let notRun: [[String: Any]] = tallies.filter { !$0.ran }.map { t in
            ["name": checkName(t.check), "check_id": t.check, "reason": reason(t),
             "effect": t.skipped ? words["gate.skipped"] : (results.verdict.fails(t) ? words["gate.fails_run"] : words["gate.not_gating"])]
        }
        return ["h_gate": words["gate.h"], "gate_text": v.text, "gate_tone": v.tone,
                "not_run": notRun.isEmpty ? false as Any : ["heading": words["gate.h_not_run"], "text": words["gate.not_run_text"], "rows": notRun],
                "h_settings": words["gate.h_settings"], "settings": settings, "h_check": words["stale.check"], "h_reason": words["consent.reason"],
                "h_effect": words["gate.effect"]]
    }

    static func words(_ locale: ReportLocale) -> [String: String] { locale == .ru ? ru : en }

    static let en: [String: String] = [
        "gate.h": "The gate and the settings in force",
        "gate.not_gated": "Not gated: the run had no --fail-on, so no finding fails it.",
        "gate.pass": "Gate --fail-on {level}: passed.",
        "gate.pass_below": "Gate --fail-on {level}: passed, with {n} open findings of severity {severity} or above on this audit, each check below its threshold.",
        "gate.fail": "Gate --fail-on {level}: failed. Failing here: {failing}.",
        "gate.failing_count": "{check}: {n} open, threshold {threshold}",
        "gate.failing_any": "{check}: {n} open",
        "gate.failing_not_run": "{check}: not run",
        "gate.failing_elsewhere": "none (the other audit's checks fail it)",
        "gate.h_not_run": "Checks not run",
        "gate.not_run_text": "A check whose tables are absent is not run. With --fail-on it fails the run unless the config lists it under skip.",
        "gate.reason_table": "table {tables} absent", "gate.reason_tables": "tables {tables} absent",
        "gate.effect": "Gate",
        "gate.skipped": "skipped by config", "gate.fails_run": "fails the run", "gate.not_gating": "does not fail the run",
        "gate.h_settings": "Settings in force",
        "gate.days": "{n} days", "gate.years": "{n} years",
        "gate.grace_days": "Grace period to act on a withdrawal or unsubscribe",
        "gate.erasure_days": "Erasure period after a processing withdrawal",
        "gate.reconfirm_days": "Re-confirmation period of a marketing grant",
        "gate.min_age": "Minimum age for a marketing grant",
        "gate.verify_days": "Contact data unverified after",
        "gate.dormant_days": "Dormant after",
        "gate.default_region": "Region of phones without a country code",
        "gate.overrides": "Severity overrides", "gate.thresholds": "Thresholds (below them a check does not fail the run)",
        "gate.skip": "Allowed not to run (skip)",
        "gate.none": "none",
    ]

    static let ru: [String: String] = [
        "gate.h": "Проверка запуска и действующие настройки",
        "gate.not_gated": "Запуск без --fail-on: никакие замечания его не проваливают.",
        "gate.pass": "Проверка --fail-on {level}: пройдена.",
        "gate.pass_below": "Проверка --fail-on {level}: пройдена; открытых замечаний серьёзности «{severity}» и выше в этом аудите: {n}, у каждой проверки ниже её порога.",
        "gate.fail": "Проверка --fail-on {level}: не пройдена. Здесь её проваливают: {failing}.",
        "gate.failing_count": "{check}: открытых {n}, порог {threshold}",
        "gate.failing_any": "{check}: открытых {n}",
        "gate.failing_not_run": "{check}: не выполнена",
        "gate.failing_elsewhere": "ничего (её проваливают проверки другого аудита)",
        "gate.h_not_run": "Невыполненные проверки",
        "gate.not_run_text": "Проверка, для которой нет таблиц, не выполняется. С --fail-on она проваливает запуск, если в настройках её нет в списке skip.",
        "gate.reason_table": "нет таблицы {tables}", "gate.reason_tables": "нет таблиц {tables}",
        "gate.effect": "Для запуска",
        "gate.skipped": "пропущена по настройкам", "gate.fails_run": "проваливает запуск", "gate.not_gating": "не проваливает запуск",
        "gate.h_settings": "Действующие настройки",
        "gate.days": "{n} дн.", "gate.years": "{n}",
        "gate.grace_days": "Льготный срок исполнения отзыва или отписки",
        "gate.erasure_days": "Срок удаления после отзыва согласия на обработку",
        "gate.reconfirm_days": "Срок повторного подтверждения согласия на рекламу",
        "gate.min_age": "Минимальный возраст для согласия на рекламу",
        "gate.verify_days": "Данные контакта считаются неподтверждёнными через",
        "gate.dormant_days": "Контакт считается неактивным через",
        "gate.default_region": "Регион телефонов без кода страны",
        "gate.overrides": "Изменённая серьёзность", "gate.thresholds": "Пороги (ниже порога проверка не проваливает запуск)",
        "gate.skip": "Можно не выполнять (skip)",
        "gate.none": "нет",
    ]
}
