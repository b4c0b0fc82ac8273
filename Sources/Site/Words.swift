import Audits
import CRMData
import Formatting

/// The words of the pages in the report's language. A missing key shows itself
/// (`⟦key⟧`) rather than silently falling back, and a test checks both languages have every key.
public struct Words: Sendable {
    public let locale: ReportLocale
    public init(_ locale: ReportLocale) { self.locale = locale }

    public subscript(_ key: String) -> String {
        (locale == .ru ? Self.ru[key] : Self.en[key]) ?? "⟦\(key)⟧"
    }

    /// The words of `key`, or of `fallback` where no page words `key` (words chosen by a data value).
    public subscript(_ key: String, or fallback: String) -> String {
        (locale == .ru ? Self.ru : Self.en)[key] != nil ? self[key] : self[fallback]
    }

    /// The words of `key` with each `{name}` placeholder filled: the one way pages fill words.
    public func fill(_ key: String, _ values: [String: String]) -> String {
        var out = self[key]
        for (k, v) in values.sorted(by: { $0.key < $1.key }) { out = out.replacingOccurrences(of: "{\(k)}", with: v) }
        return out
    }

    /// A text kept in both languages (an audit check's name, summary, action), in this one.
    public func text(_ b: Bilingual) -> String { locale == .ru ? b.ru : b.en }

    /// A reason (an absent table, an audit not run) in this language.
    public func reason(_ r: Reason) -> String {
        switch r {
        case .tableAbsent(let t): return fill("note.table_absent", ["table": t])
        case .columnAbsent(let t, let c): return fill("note.column_absent", ["column": "\(t).\(c)"])
        case .notAudited: return self["summary.not_audited"]
        case .checkWithout(let c, let t, let ran):
            return fill(ran ? "note.check_partial" : "note.check_not_run", ["check": c, "tables": t.joined(separator: ", ")])
        }
    }

    /// The base words, the editions' (`EditionWords`) and every section's own.
    static let en = ReportSections.all.reduce(baseEN.merging(EditionWords.en) { base, _ in base }) { $0.merging($1.words(.en)) { base, _ in base } }
    static let ru = ReportSections.all.reduce(baseRU.merging(EditionWords.ru) { base, _ in base }) { $0.merging($1.words(.ru)) { base, _ in base } }

    static let baseEN: [String: String] = [
        "lang": "en",
        "site.title": "CRM report",
        "nav.summary": "Summary", "nav.data_quality": "Data quality", "nav.archive": "All periods",
        "summary.title": "Executive summary",
        "summary.week": "Week", "summary.month": "Month",
        "summary.vs_previous": "vs previous", "summary.vs_year_ago": "vs year ago",
        "summary.previous": "Previous", "summary.year_ago": "Year ago",
        "summary.new": "new", "summary.trend": "26-period trend",
        "summary.main_chart": "Revenue by week", "summary.main_chart_month": "Revenue by month",
        "summary.this_year": "Last 26 periods", "summary.last_year": "Same periods a year earlier",
        "summary.definitions": "How these numbers are computed",
        "summary.point_in_time": "Taken at the as-of moment; previous and year-ago values at those periods' ends.",
        "summary.not_audited": "not audited yet",
        "summary.table": "The numbers behind the chart",
        "summary.notes": "Notes",
        "dq.title": "Data quality", "dq.bad_rows": "Bad rows left out of every metric",
        "dq.none": "No bad rows: every row read passed the checks.",
        "dq.table": "Table", "dq.reason": "Reason", "dq.count": "Rows", "dq.rows_read": "Rows read",
        "dq.csv": "Every bad row, with its id: findings/data-quality.csv",
        "dq.explain": "A row is bad when a timestamp it needs does not parse, an amount is negative, an enum holds an unknown value, a required value is empty, or it references a row that does not exist. Bad rows are counted here and left out; nothing is guessed.",
        "reason.unparseable_timestamp": "unparseable timestamp", "reason.negative_amount": "negative amount",
        "note.table_absent": "the optional table '{table}' is absent",
        "note.column_absent": "the column '{column}' is absent: read as empty",
        "note.check_not_run": "{check}: not run, the table {tables} is absent",
        "note.check_partial": "{check}: checked without the absent table {tables}",
        "reason.duplicate_id": "duplicate id",
        "reason.unknown_value": "unknown value", "reason.missing_value": "missing value", "reason.missing_reference": "missing reference",
        "archive.title": "All report periods", "archive.latest": "Latest period", "archive.period": "Period",
        "archive.as_of": "As of", "archive.open": "Open", "archive.unreadable": "report.json could not be read",
        "archive.other_label": "its report.json is of another period", "archive.not_folder": "a file, not a period folder",
        "footer.made_by": "Made by", "footer.as_of": "as of", "footer.config": "config", "footer.database": "database SHA-256",
        "footer.timezone": "time zone",
        "metric.revenue": "Revenue", "metric.orders": "Completed orders", "metric.average_order_value": "Average order value",
        "metric.ordering_customers": "Ordering customers", "metric.new_customers": "New customers",
        "metric.repeat_share": "Repeat share", "metric.returns_rate": "Returns rate", "metric.deals_won": "Deals won",
        "metric.won_amount": "Won amount", "metric.win_rate": "Win rate", "metric.open_pipeline_value": "Open pipeline",
        "metric.addressable_base": "Addressable base", "metric.consent_violations": "Consent violations",
        "metric.stale_share": "Stale contacts",
        "def.revenue": "Sum of completed orders (status completed, amount ≥ 0) ordered in the period. Returns and cancellations never count.",
        "def.orders": "Number of completed orders in the period.",
        "def.average_order_value": "Revenue / completed orders.",
        "def.ordering_customers": "Contacts with at least one completed order in the period.",
        "def.new_customers": "Contacts whose first completed order ever falls in the period.",
        "def.repeat_share": "Ordering customers who are not new / ordering customers.",
        "def.returns_rate": "Returned / (completed + returned) orders, by order date in the period.",
        "def.deals_won": "Deals won (status won) with the close date in the period.",
        "def.won_amount": "Sum of the amounts of the deals won in the period.",
        "def.win_rate": "Won / (won + lost) among deals closed in the period.",
        "def.open_pipeline_value": "Sum of the amounts of deals open at the moment: created before it and not closed before it.",
        "def.addressable_base": "Non-deleted contacts with at least one channel that is valid, not bounced, and has an active marketing consent.",
        "def.consent_violations": "Message-level consent violations among messages sent in the period.",
        "def.stale_share": "Non-deleted contacts with at least one stale finding, over the base.",
    ]

    static let baseRU: [String: String] = [
        "lang": "ru",
        "site.title": "Отчёт CRM",
        "nav.summary": "Сводка", "nav.data_quality": "Качество данных", "nav.archive": "Все периоды",
        "summary.title": "Сводка для руководства",
        "summary.week": "Неделя", "summary.month": "Месяц",
        "summary.vs_previous": "к прошлому периоду", "summary.vs_year_ago": "к прошлому году",
        "summary.previous": "Прошлый период", "summary.year_ago": "Год назад",
        "summary.new": "новое", "summary.trend": "Тренд за 26 периодов",
        "summary.main_chart": "Выручка по неделям", "summary.main_chart_month": "Выручка по месяцам",
        "summary.this_year": "Последние 26 периодов", "summary.last_year": "Те же периоды годом ранее",
        "summary.definitions": "Как считаются эти показатели",
        "summary.point_in_time": "На момент среза; прошлый период и год назад — на конец этих периодов.",
        "summary.not_audited": "аудит ещё не проводился",
        "summary.table": "Числа, по которым построен график",
        "summary.notes": "Примечания",
        "dq.title": "Качество данных", "dq.bad_rows": "Некорректные строки, исключённые из всех показателей",
        "dq.none": "Некорректных строк нет: все прочитанные строки прошли проверки.",
        "dq.table": "Таблица", "dq.reason": "Причина", "dq.count": "Строк", "dq.rows_read": "Прочитано строк",
        "dq.csv": "Все некорректные строки с их идентификаторами: findings/data-quality.csv",
        "dq.explain": "Строка некорректна, если нужная в ней дата не разбирается, сумма отрицательна, в поле-перечислении неизвестное значение, обязательное поле пусто или строка ссылается на несуществующую запись. Такие строки подсчитываются здесь и исключаются; ничего не додумывается.",
        "reason.unparseable_timestamp": "дата не разбирается", "reason.negative_amount": "отрицательная сумма",
        "note.table_absent": "необязательной таблицы '{table}' нет в базе",
        "note.column_absent": "столбца '{column}' нет в базе: читается как пустой",
        "note.check_not_run": "{check}: проверка не выполнена, нет таблицы {tables}",
        "note.check_partial": "{check}: проверено без отсутствующей таблицы {tables}",
        "reason.duplicate_id": "повторяющийся идентификатор",
        "reason.unknown_value": "неизвестное значение", "reason.missing_value": "пустое обязательное поле", "reason.missing_reference": "ссылка на несуществующую запись",
        "archive.title": "Все отчётные периоды", "archive.latest": "Последний период", "archive.period": "Период",
        "archive.as_of": "Срез на", "archive.open": "Открыть", "archive.unreadable": "report.json не читается",
        "archive.other_label": "его report.json относится к другому периоду", "archive.not_folder": "файл, а не папка периода",
        "footer.made_by": "Сформировано", "footer.as_of": "срез на", "footer.config": "конфигурация", "footer.database": "SHA-256 базы",
        "footer.timezone": "часовой пояс",
        "metric.revenue": "Выручка", "metric.orders": "Выполненные заказы", "metric.average_order_value": "Средний чек",
        "metric.ordering_customers": "Покупатели", "metric.new_customers": "Новые покупатели",
        "metric.repeat_share": "Доля повторных", "metric.returns_rate": "Доля возвратов", "metric.deals_won": "Выигранные сделки",
        "metric.won_amount": "Сумма выигранных", "metric.win_rate": "Доля выигранных", "metric.open_pipeline_value": "Открытая воронка",
        "metric.addressable_base": "Доступная база", "metric.consent_violations": "Нарушения согласий",
        "metric.stale_share": "Устаревшие контакты",
        "def.revenue": "Сумма выполненных заказов (статус completed, сумма ≥ 0), оформленных в периоде. Возвраты и отмены не учитываются.",
        "def.orders": "Число выполненных заказов в периоде.",
        "def.average_order_value": "Выручка / число выполненных заказов.",
        "def.ordering_customers": "Контакты хотя бы с одним выполненным заказом в периоде.",
        "def.new_customers": "Контакты, чей первый выполненный заказ пришёлся на период.",
        "def.repeat_share": "Покупатели, которые не новые / все покупатели периода.",
        "def.returns_rate": "Возвращённые / (выполненные + возвращённые) заказы по дате заказа в периоде.",
        "def.deals_won": "Выигранные сделки (статус won) с датой закрытия в периоде.",
        "def.won_amount": "Сумма выигранных в периоде сделок.",
        "def.win_rate": "Выигранные / (выигранные + проигранные) среди закрытых в периоде сделок.",
        "def.open_pipeline_value": "Сумма открытых на момент сделок: созданы до него и не закрыты до него.",
        "def.addressable_base": "Неудалённые контакты хотя бы с одним каналом: адрес корректен, нет отказа доставки, есть действующее согласие на рекламу.",
        "def.consent_violations": "Нарушения согласий в сообщениях, отправленных в периоде.",
        "def.stale_share": "Неудалённые контакты хотя бы с одной находкой аудита устаревших контактов, доля от базы.",
    ]
}
