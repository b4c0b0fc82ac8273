import Foundation
import Charts
import Formatting

/// Fixed, realistic inputs for every chart type, shared by the gallery and the bench.
enum Samples {
    static let week0 = CivilDate.days(year: 2026, month: 5, day: 25)  // a Monday

    static func weekly(_ n: Int = 26) -> (cur: [SeriesPoint], prev: [SeriesPoint], band: [(low: Double, high: Double)]) {
        var cur: [SeriesPoint] = [], prev: [SeriesPoint] = [], band: [(low: Double, high: Double)] = []
        for i in 0..<n {
            let day = week0 + 7 * i
            let base = 1_150_000 + 9_000 * Double(i) + 140_000 * sin(Double(i) / 3.1)
            let last = 1_020_000 + 6_500 * Double(i) + 120_000 * sin(Double(i + 2) / 3.4)
            cur.append(SeriesPoint(day: day, value: i == 9 ? nil : base))
            prev.append(SeriesPoint(day: day, value: last))
            band.append((low: last * 1.02, high: last * 1.22))
        }
        return (cur, prev, band)
    }

    static func fmt(_ l: ReportLocale) -> NumberFormat { NumberFormat(locale: l, currency: l == .en ? "USD" : "RUB") }

    static func charts(locale l: ReportLocale, size: ChartSize = .standard) -> [RenderedChart] {
        let f = fmt(l)
        let en = l == .en
        let w = weekly()
        var out: [RenderedChart] = []
        out.append(timeSeriesChart(id: "revenue-\(l)-\(size.width)", title: en ? "Revenue by week" : "Выручка по неделям",
                                   subtitle: en ? "Completed orders, last 26 weeks; dashed: the same weeks a year earlier" : "Завершённые заказы за 26 недель; пунктир — те же недели год назад",
                                   current: w.cur, currentLabel: en ? "2026" : "2026", comparison: w.prev,
                                   comparisonLabel: en ? "2025 (same weeks)" : "2025 (те же недели)",
                                   value: .money, grain: .week, format: f, size: size))
        out.append(timeSeriesChart(id: "orders-band-\(l)-\(size.width)", title: en ? "Orders against expected range" : "Заказы и ожидаемый диапазон",
                                   subtitle: nil, current: w.cur.map { SeriesPoint(day: $0.day, value: $0.value.map { $0 / 1000 }) },
                                   currentLabel: en ? "Orders" : "Заказы", comparison: nil, comparisonLabel: nil,
                                   band: w.band.map { (low: $0.low / 1000, high: $0.high / 1000) }, value: .count, grain: .week, format: f, size: size))
        out.append(timeSeriesChart(id: "winrate-\(l)-\(size.width)", title: en ? "Win rate by month" : "Доля выигранных сделок по месяцам",
                                   subtitle: nil, current: (0..<12).map { SeriesPoint(day: CivilDate.addingMonths($0, to: CivilDate.days(year: 2025, month: 12, day: 1)), value: 0.21 + 0.03 * sin(Double($0))) },
                                   currentLabel: en ? "This year" : "Этот год",
                                   comparison: (0..<12).map { SeriesPoint(day: CivilDate.addingMonths($0, to: CivilDate.days(year: 2025, month: 12, day: 1)), value: 0.19 + 0.02 * cos(Double($0))) },
                                   comparisonLabel: en ? "Last year" : "Прошлый год", value: .percent, grain: .month, format: f, size: size))
        out.append(timeSeriesChart(id: "empty-\(l)-\(size.width)", title: en ? "Consent violations (no data yet)" : "Нарушения согласий (данных нет)",
                                   subtitle: nil, current: [], currentLabel: "x", comparison: nil, comparisonLabel: nil,
                                   value: .count, grain: .week, format: f, size: size))
        out += more(locale: l, size: size)
        return out
    }

    static func more(locale l: ReportLocale, size: ChartSize) -> [RenderedChart] {
        let f = fmt(l)
        let en = l == .en
        let sfx = "\(l)-\(size.width)"
        let narrow = size.width < 600
        var out: [RenderedChart] = []
        let channels = en ? ["Email", "Organic search", "Paid social", "Referral", "Direct", "Marketplace partners and affiliates with a very long name that goes on and on"]
                          : ["Email", "Органический поиск", "Соцсети (платно)", "Рекомендации", "Прямые", "Партнёры маркетплейсов и аффилиаты с очень длинным названием"]
        out.append(barChart(id: "bars-v-\(sfx)", title: en ? "Revenue by channel" : "Выручка по каналам", subtitle: en ? "This week vs the same week last year" : "Эта неделя и та же неделя год назад",
                            categories: channels,
                            series: [BarSeries(label: en ? "This week" : "Эта неделя", values: [412_000, 388_500, 120_300, 95_000, 240_000, 31_000], role: .current),
                                     BarSeries(label: en ? "Same week last year" : "Та же неделя год назад", values: [350_000, 401_000, 60_000, 99_000, 180_000, 12_500], role: .previous)],
                            orientation: .vertical, layout: .grouped, value: .money, format: f, size: size))
        out.append(barChart(id: "bars-h-\(sfx)", title: en ? "Deals won by owner" : "Выигранные сделки по менеджерам", subtitle: nil,
                            categories: en ? ["A. Ivanova", "B. Petrov", "C. Sidorova", "D. Kuznetsov", "E. Smirnova (team lead, north-west region)"] : ["А. Иванова", "Б. Петров", "В. Сидорова", "Г. Кузнецов", "Д. Смирнова (руководитель, Северо-Запад)"],
                            series: [BarSeries(label: en ? "Won" : "Выиграно", values: [42, 37, 29, 12, 3], role: .positive),
                                     BarSeries(label: en ? "Lost" : "Проиграно", values: [20, 25, 11, 30, 1], role: .negative)],
                            orientation: .horizontal, layout: .stacked, value: .count, format: f, size: size))
        out.append(barChart(id: "bars-stack-\(sfx)", title: en ? "New vs returning customers" : "Новые и повторные клиенты", subtitle: nil,
                            categories: (0..<8).map { f.shortDate(day: week0 + 7 * $0) },
                            series: [BarSeries(label: en ? "New" : "Новые", values: [120, 140, 90, 160, 150, 170, 130, 180], role: .current),
                                     BarSeries(label: en ? "Returning" : "Повторные", values: [300, 320, 310, 290, 330, 350, 340, 360], role: .control)],
                            orientation: .vertical, layout: .stacked, value: .count, format: f, size: size))
        let stages = en ? ["Lead", "Qualified", "Proposal", "Negotiation", "Won"] : ["Лид", "Квалификация", "Предложение", "Переговоры", "Выиграно"]
        out.append(funnelChart(id: "funnel-\(sfx)", title: en ? "Deal funnel, last 13 weeks" : "Воронка сделок за 13 недель", subtitle: en ? "Deals created 18 Aug – 16 Nov 2026" : "Сделки, созданные 18 авг – 16 ноя 2026",
                               stages: zip(stages, [4_210.0, 2_380, 1_160, 640, 402]).map { FunnelStage(label: $0, count: $1) }, format: f,
                               size: narrow ? ChartSize(width: size.width, height: 380) : nil))
        let months = (0..<10).map { CivilDate.addingMonths($0, to: CivilDate.days(year: 2026, month: 1, day: 1)) }
        let cohorts = months.enumerated().map { i, d in
            CohortRow(label: f.month(day: d), size: Double(800 + 37 * i), values: (0..<(10 - i)).map { k in k == 0 ? 1.0 : max(0.02, 0.34 * pow(0.83, Double(k - 1)) + 0.01 * Double(i % 3)) })
        }
        out.append(cohortHeatmap(id: "cohorts-\(sfx)", title: en ? "Retention by monthly cohort" : "Удержание по месячным когортам", subtitle: en ? "Share of customers with a completed order in each month after the first" : "Доля клиентов с заказом в каждом месяце после первого",
                                 cohorts: cohorts, value: .percent, grain: .month, format: f, size: narrow ? ChartSize(width: size.width, height: 420) : nil))
        out.append(intervalPlot(id: "forest-\(sfx)", title: en ? "Campaign uplift in conversion" : "Прирост конверсии от кампаний", subtitle: en ? "Treatment minus control, 95% confidence interval" : "Тестовая минус контрольная группа, 95% доверительный интервал",
                                rows: [IntervalRow(label: en ? "Spring sale e-mail" : "Весенняя распродажа", estimate: 0.0068, low: 0.0021, high: 0.0115, verdict: .positive),
                                       IntervalRow(label: en ? "Win-back SMS" : "SMS возврата", estimate: -0.004, low: -0.0075, high: -0.0005, verdict: .negative),
                                       IntervalRow(label: en ? "Loyalty push" : "Push программы лояльности", estimate: 0.0012, low: -0.0031, high: 0.0055, verdict: .noEffect),
                                       IntervalRow(label: en ? "Birthday coupon" : "Купон ко дню рождения", estimate: 0.0152, low: 0.0040, high: 0.0264, verdict: .positive),
                                       IntervalRow(label: en ? "Newsletter (no control group)" : "Рассылка (нет контрольной группы)", estimate: nil, low: nil, high: nil, verdict: .noEffect)],
                                value: .percent, format: f, size: narrow ? ChartSize(width: size.width, height: 360) : nil))
        var days: [Double] = []
        for i in 0..<600 { days.append(abs(18 + 9 * sin(Double(i) * 0.7) + 6 * cos(Double(i) * 1.3) + Double(i % 17))) }
        out.append(histogram(id: "hist-\(sfx)", title: en ? "Days from lead to won" : "Дней от лида до выигрыша", subtitle: en ? "Deals won in the last 13 weeks" : "Сделки, выигранные за 13 недель",
                             values: days, value: .days, format: f, size: size))
        out.append(rfmGrid(id: "rfm-\(sfx)", title: en ? "Customers by recency and frequency" : "Клиенты по давности и частоте", subtitle: en ? "RFM scores over the last 365 days" : "Оценки RFM за последние 365 дней",
                           counts: [[820, 310, 120, 40, 12], [610, 290, 150, 60, 25], [400, 330, 210, 120, 70], [260, 280, 240, 190, 150], [180, 210, 230, 260, 390]],
                           format: f, size: narrow ? ChartSize(width: size.width, height: 400) : ChartSize(width: 880, height: 440)))
        return out
    }

    static func sparklines(locale l: ReportLocale) -> [RenderedChart] {
        let f = fmt(l)
        let w = weekly()
        return [
            sparkline(id: "spark-rev-\(l)", values: w.cur.map(\.value), value: .money, format: f),
            sparkline(id: "spark-rate-\(l)", values: (0..<26).map { 0.3 + 0.05 * cos(Double($0) / 2) }, value: .percent, format: f),
            sparkline(id: "spark-empty-\(l)", values: [], value: .count, format: f),
        ]
    }
}
