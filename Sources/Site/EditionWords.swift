/// The words of the e-mail and PDF editions and of the archive's trends, merged into `Words`.
enum EditionWords {
    static let en: [String: String] = [
        "edition.changes": "The most important changes",
        "edition.move": "{metric}: {change} ({relative}) {against}, now {value}.",
        "edition.against.week": "against the previous week", "edition.against.month": "against the previous month",
        "edition.top_campaign": "Largest incremental revenue: campaign “{name}”, {revenue} over its control group (effect: {verdict}).",
        "edition.no_changes": "No figure moved against the previous period.",
        "edition.figures": "Key figures",
        "edition.unavailable": "Not available yet: {list}.",
        "edition.full_report": "The full report",
        "edition.email_intro": "The CRM report for {period}. The full pages, with every chart's numbers, are linked below.",
        "edition.figure": "Figure", "edition.value": "Value",
        "edition.page": "Page {n} of {count}",
        "edition.pdf_subject": "CRM report {period}",
        "archive.trends": "Trends across the published periods",
        "archive.trend_subtitle": "{count} published periods, {first} – {last}",
        "archive.trend_only_one": "Trends appear once two periods of the same kind are published.",
        "archive.kind_note": "Only {kind} periods are drawn; the others are listed below.",
        "archive.kind.week": "weekly", "archive.kind.month": "monthly",
    ]

    static let ru: [String: String] = [
        "edition.changes": "Главные изменения",
        "edition.move": "{metric}: {change} ({relative}) {against}, сейчас {value}.",
        "edition.against.week": "по сравнению с прошлой неделей", "edition.against.month": "по сравнению с прошлым месяцем",
        "edition.top_campaign": "Наибольшая дополнительная выручка: кампания «{name}», {revenue} относительно контрольной группы (эффект: {verdict}).",
        "edition.no_changes": "Ни один показатель не изменился по сравнению с прошлым периодом.",
        "edition.figures": "Ключевые показатели",
        "edition.unavailable": "Пока недоступно: {list}.",
        "edition.full_report": "Полный отчёт",
        "edition.email_intro": "Отчёт CRM за период {period}. Полные страницы с числами каждого графика — по ссылкам ниже.",
        "edition.figure": "Показатель", "edition.value": "Значение",
        "edition.page": "Страница {n} из {count}",
        "edition.pdf_subject": "Отчёт CRM {period}",
        "archive.trends": "Динамика по опубликованным периодам",
        "archive.trend_subtitle": "Опубликованных периодов: {count}, {first} – {last}",
        "archive.trend_only_one": "Динамика появится, когда будут опубликованы два периода одного вида.",
        "archive.kind_note": "На графиках только {kind} периоды; остальные перечислены ниже.",
        "archive.kind.week": "недельные", "archive.kind.month": "месячные",
    ]
}
