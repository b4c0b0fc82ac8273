import Formatting

/// The few words charts write themselves, in both locales.
struct Strings {
    let locale: ReportLocale
    init(_ locale: ReportLocale) { self.locale = locale }
    private func t(_ en: String, _ ru: String) -> String { locale == .en ? en : ru }

    var noData: String { t("No data", "Нет данных") }
    var period: String { t("Period", "Период") }
    var date: String { t("Date", "Дата") }
    var value: String { t("Value", "Значение") }
    var low: String { t("Low", "Нижняя граница") }
    var high: String { t("High", "Верхняя граница") }
    var category: String { t("Category", "Категория") }
    var stage: String { t("Stage", "Этап") }
    var count: String { t("Count", "Количество") }
    var stepConversion: String { t("Step conversion", "Конверсия шага") }
    var dropOff: String { t("Drop-off", "Отсев") }
    var cohort: String { t("Cohort", "Когорта") }
    var size: String { t("Size", "Размер") }
    var estimate: String { t("Estimate", "Оценка") }
    var ciLow: String { t("95% CI low", "95% ДИ, нижняя") }
    var ciHigh: String { t("95% CI high", "95% ДИ, верхняя") }
    var verdict: String { t("Verdict", "Вывод") }
    var positive: String { t("positive", "положительный") }
    var negative: String { t("negative", "отрицательный") }
    var noEffect: String { t("no effect detected", "эффект не обнаружен") }
    var bin: String { t("Range", "Интервал") }
    var recency: String { t("Recency score (R)", "Давность (R)") }
    var frequency: String { t("Frequency score (F)", "Частота (F)") }
    var customers: String { t("Customers", "Клиенты") }
    var range: String { t("Range", "Диапазон") }
}
