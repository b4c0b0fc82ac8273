import Charts
import CRMData
import Foundation
import Formatting
import Reports
import Results

/// campaigns.html, its forest plot and report.json's `campaigns`: the effect of each recent
/// campaign against its control group.
struct CampaignsSection: ReportSection {
    static let file = "campaigns.html"
    static let navKey = "nav.campaigns"

    static func page(_ context: SectionContext) -> CampaignsPage {
        CampaignsPage(report: context.results.campaigns, frame: context.frame, zone: context.results.zone)
    }

    static func charts(_ context: SectionContext) -> [RenderedChart] { page(context).charts() }

    static let template = "campaigns"

    static func viewModel(_ context: SectionContext, charts: [RenderedChart]) -> [String: Any] {
        page(context).context(charts: charts)
    }

    static func words(_ locale: ReportLocale) -> [String: String] {
        locale == .ru ? CampaignsPage.ru : CampaignsPage.en
    }
}

/// The view model of campaigns.html: every figure formatted here, the template only places them.
struct CampaignsPage {
    let report: CampaignReport
    let frame: PageFrame
    let zone: ZoneClock

    var words: Words { frame.words }
    var format: NumberFormat { frame.format }
    var en: Bool { format.locale == .en }

    // MARK: Charts

    /// The forest plot of every campaign's uplift interval, wide and narrow.
    func charts() -> [RenderedChart] {
        guard !report.campaigns.isEmpty else { return [] }
        let rows = report.campaigns.map { c in
            IntervalRow(label: label(c), estimate: c.effect.uplift, low: c.effect.upliftInterval?.low,
                        high: c.effect.upliftInterval?.high, verdict: Self.chartVerdict(c.effect.verdict))
        }
        let height = max(180, 124 + 34 * rows.count)
        let title = words["campaigns.forest_title"], subtitle = words["campaigns.forest_subtitle"]
        return [
            intervalPlot(id: "campaign-uplift", title: title, subtitle: subtitle, rows: rows, value: .percent, format: format,
                         size: ChartSize(width: 880, height: height)),
            intervalPlot(id: "campaign-uplift-narrow", title: words["campaigns.forest_title_short"], subtitle: words["campaigns.forest_subtitle_short"], rows: rows, value: .percent, format: format,
                         size: ChartSize(width: 440, height: height)),
        ]
    }

    /// "#id name", starred when its numbers are provisional: the id leads, so a label cut short
    /// in a narrow chart still tells campaigns of the same name apart.
    func label(_ c: CampaignResult) -> String { "#\(c.id) \(c.name)" + (c.status == .inProgress ? " *" : "") }

    static func chartVerdict(_ v: CampaignVerdict) -> Verdict {
        switch v {
        case .positive: return .positive
        case .negative: return .negative
        case .noEffect, .notMeasurable: return .noEffect
        }
    }

    // MARK: Page

    func context(charts: [RenderedChart]) -> [String: Any] {
        let w = words
        var body: [String: Any] = [
            "heading": w["campaigns.title"],
            "definitions_title": w["campaigns.definitions"],
            "definitions": ["uplift", "interval", "p_value", "revenue", "incremental", "mde", "persistence", "contamination", "funnel"]
                .map { ["label": w["campaigns.def_label.\($0)"], "text": w.fill("campaigns.def.\($0)", ["window": format.count(Double(report.defaultWindowDays)), "persistence": format.count(Double(report.persistenceDays))])] },
        ]
        if let reason = report.unavailable {
            body["unavailable"] = w.fill("campaigns.unavailable", ["reason": w.reason(reason)])
            return frame.context(page: CampaignsSection.file, title: "\(w["campaigns.title"]) · \(frame.period.label)", body: body)
        }
        let asOfDay = zone.day(of: report.asOf)
        body["lead"] = w.fill("campaigns.lead", [
            "from": format.date(day: zone.day(of: report.lookbackStart)), "asof": format.date(day: asOfDay),
            "window": format.count(Double(report.defaultWindowDays)), "persistence": format.count(Double(report.persistenceDays)),
        ])
        let cs = report.campaigns
        if cs.isEmpty {
            body["empty"] = w["campaigns.none"]
        } else {
            let count = { (v: CampaignVerdict) in format.count(Double(cs.filter { $0.effect.verdict == v }.count)) }
            body["tally"] = w.fill("campaigns.tally", [
                "n": format.count(Double(cs.count)), "positive": count(.positive), "negative": count(.negative),
                "no_effect": count(.noEffect), "not_measurable": count(.notMeasurable),
                "provisional": format.count(Double(cs.filter { $0.status == .inProgress }.count)),
            ])
        }
        if let wide = charts.first(where: { $0.id == "campaign-uplift" }) {
            body["forest"] = figureContext(wide, tableTitle: w["campaigns.forest_table"])
            body["forest_note"] = w["campaigns.forest_note"]
        }
        let ranked = report.rankedByIncrementalRevenue
        body["has_ranking"] = !ranked.isEmpty
        body["ranking_title"] = w["campaigns.ranking_title"]
        body["ranking_note"] = w["campaigns.ranking_note"]
        body["ranking_headers"] = ["#", w["campaigns.campaign"], w["campaigns.verdict"], w["campaigns.incremental_conversions"],
                                   w["campaigns.incremental_revenue"], w["campaigns.revenue_interval"], w["campaigns.cost"], w["campaigns.roi"]]
        body["ranking"] = ranked.enumerated().map { i, c -> [String: Any] in
            ["rank": format.count(Double(i + 1)), "anchor": "c\(c.id)", "name": label(c), "verdict": verdictWord(c.effect.verdict),
             "tone": c.effect.verdict.rawValue,
             "conversions": signed(c.effect.incrementalConversions, digits: 1), "revenue": signedMoney(c.effect.incrementalRevenue),
             "revenue_interval": c.effect.incrementalRevenueInterval.map { wr in interval(wr.low, wr.high) { signedCompactMoney($0) } }
                 ?? NumberFormat.missing,
             "cost": c.cost.map { format.money($0, digits: $0 >= 100 ? 0 : 2) } ?? NumberFormat.missing,
             "roi": c.roi.map(roiText) ?? NumberFormat.missing]
        }
        body["campaigns"] = cs.map(campaign)
        return frame.context(page: CampaignsSection.file, title: "\(w["campaigns.title"]) · \(frame.period.label)", body: body)
    }

    func campaign(_ c: CampaignResult) -> [String: Any] {
        let w = words
        let e = c.effect
        var d: [String: Any] = [
            "anchor": "c\(c.id)", "name": "#\(c.id) \(c.name)", "verdict": verdictWord(e.verdict), "tone": e.verdict.rawValue,
            "provisional": c.status == .inProgress,
            "provisional_label": w["campaigns.provisional"],
        ]
        var meta = [c.channel, c.kind].compactMap { $0 }
        meta.append(w.fill("campaigns.started", ["date": format.date(day: zone.day(of: c.startedAt))]))
        let firstDay = zone.day(of: c.firstAssigned), lastDay = zone.day(of: c.lastAssigned)
        meta.append(w.fill("campaigns.assigned", ["range": firstDay == lastDay ? format.date(day: firstDay)
                                                                    : "\(format.date(day: firstDay)) – \(format.date(day: lastDay))"]))
        meta.append(w.fill("campaigns.window", ["days": format.count(Double(c.windowDays))]))
        d["meta"] = meta.joined(separator: " · ")
        d["status_text"] = w.fill(c.status == .inProgress ? "campaigns.status.in_progress" : "campaigns.status.complete",
                                  ["date": format.date(day: zone.day(of: c.windowsClose))])
        d["say"] = sentence(e)
        if let wr = e.revenueWelch, let diff = e.revenueDifference, wr.low > 0 || wr.high < 0 {
            d["say_revenue"] = words.fill(wr.low > 0 ? "campaigns.say.revenue_up" : "campaigns.say.revenue_down", [
                "value": signedMoney(diff, digits: 2), "interval": interval(wr.low, wr.high) { signedMoney($0, digits: 2) }])
        }
        d["arms_headers"] = [w["campaigns.arm"], w["campaigns.members"], w["campaigns.converted"], w["campaigns.rate"],
                             w["campaigns.revenue"], w["campaigns.revenue_per_member"]]
        d["arms"] = [(w["campaigns.treatment"], e.treatment)] .map(armRow) + (e.control.map { [armRow((w["campaigns.control"], $0))] } ?? [])
        d["measurable"] = e.verdict != .notMeasurable
        if e.verdict != .notMeasurable {
            d["figures"] = figures(c)
            d["persistence"] = persistence(c)
        }
        let contamination = contamination(c)
        if !contamination.isEmpty { d["contamination"] = contamination }
        d["contaminated"] = c.contaminatedControls > 0
        d["funnel_title"] = w["campaigns.funnel_title"]
        if let f = c.messages, f.sent > 0 {
            d["funnel_headers"] = ["sent", "delivered", "opened", "clicked", "unsubscribed", "hard_bounces"].map { w["campaigns.f.\($0)"] }
            d["funnel_counts"] = [f.sent, f.delivered, f.opened, f.clicked, f.unsubscribed, f.hardBounces].map { format.count(Double($0)) }
            d["rate_headers"] = ["delivery_rate", "open_rate", "ctr", "ctor", "unsubscribe_rate"].map { w["campaigns.f.\($0)"] }
            d["funnel_rates"] = [f.deliveryRate, f.openRate, f.clickThroughRate, f.clickToOpenRate, f.unsubscribeRate]
                .map { $0.map { format.percent($0) } ?? NumberFormat.missing }
            d["has_funnel"] = true
        } else {
            d["funnel_none"] = w[c.messages == nil ? "campaigns.f.no_table" : "campaigns.f.none"]
        }
        return d
    }

    func armRow(_ a: (String, ArmOutcome)) -> [String: Any] {
        let arm = a.1
        return ["cells": [a.0, format.count(Double(arm.n)), format.count(Double(arm.converted)),
                          arm.rate.map { format.percent($0, digits: 2) } ?? NumberFormat.missing,
                          format.money(arm.revenue, digits: arm.revenue >= 100 ? 0 : 2),
                          arm.revenuePerMember.map { format.money($0, digits: 2) } ?? NumberFormat.missing]]
    }

    /// The effect figures as label / value / note.
    func figures(_ c: CampaignResult) -> [[String: String]] {
        let w = words, e = c.effect
        var list: [[String: String]] = []
        func add(_ key: String, _ value: String, _ note: String = "") {
            // Mustache takes an empty string as true: leave the note out rather than print an empty line.
            var item = ["label": w["campaigns.fig.\(key)"], "value": value]
            if !note.isEmpty { item["note"] = note }
            list.append(item)
        }
        add("uplift", e.uplift.map { format.points($0) } ?? NumberFormat.missing,
            e.relativeUplift.map { w.fill("campaigns.relative", ["value": format.signedPercent($0)]) } ?? w["campaigns.relative_none"])
        add("interval", interval(e.upliftInterval?.low, e.upliftInterval?.high) { format.points($0) }, w["campaigns.newcombe"])
        add("p_value", pValue(e.pValue), w["campaigns.z_test"])
        add("revenue", signedMoney(e.revenueDifference, digits: 2),
            e.revenueWelch.map { w.fill("campaigns.welch", ["interval": interval($0.low, $0.high) { signedMoney($0, digits: 2) }]) }
                ?? w["campaigns.welch_none"])
        add("incremental_conversions", signed(e.incrementalConversions, digits: 1))
        add("incremental_revenue", signedMoney(e.incrementalRevenue))
        add("cost", c.cost.map { format.money($0, digits: $0 >= 100 ? 0 : 2) } ?? w["campaigns.cost_unknown"],
            c.roi.map { w.fill("campaigns.roi_is", ["roi": roiText($0)]) } ?? (c.cost == nil ? "" : w["campaigns.roi_none"]))
        add("mde", e.minimumDetectableEffect.map { magnitudePoints($0) } ?? NumberFormat.missing,
            e.minimumDetectableEffect == nil ? w["campaigns.mde_none"] : w["campaigns.mde_note"])
        return list
    }

    func persistence(_ c: CampaignResult) -> String {
        let p = c.persistence
        if c.persistenceStatus == .notStarted {
            return words.fill("campaigns.persistence_later", ["days": format.count(Double(c.persistenceDays)),
                                                               "date": format.date(day: zone.day(of: Instant(ms: c.firstAssigned.ms + Int64(c.windowDays) * Instant.msPerDay)))])
        }
        var text = words.fill("campaigns.persistence", [
            "days": format.count(Double(c.persistenceDays)),
            "t": p.treatment.rate.map { format.percent($0, digits: 2) } ?? NumberFormat.missing,
            "c": p.control?.rate.map { format.percent($0, digits: 2) } ?? NumberFormat.missing,
            "uplift": p.uplift.map { format.points($0) } ?? NumberFormat.missing,
            "interval": interval(p.upliftInterval?.low, p.upliftInterval?.high) { format.points($0) },
            "revenue": signedMoney(p.revenueDifference, digits: 2),
            "verdict": verdictWord(p.verdict),
        ])
        if c.persistenceStatus == .inProgress {
            text += " " + words.fill("campaigns.persistence_open", ["date": format.date(day: zone.day(of: c.persistenceClose))])
        }
        return text
    }

    func contamination(_ c: CampaignResult) -> String {
        guard let control = c.effect.control else { return "" }
        if c.messages == nil { return words["campaigns.contamination_unknown"] }
        if c.contaminatedControls == 0 { return words["campaigns.contamination_none"] }
        return words.fill("campaigns.contamination", [
            "k": format.count(Double(c.contaminatedControls)), "n": format.count(Double(control.n)),
            "share": c.contaminationShare.map { format.percent($0) } ?? NumberFormat.missing,
        ])
    }

    /// The verdict in plain words, with the numbers that back it.
    func sentence(_ e: ArmComparison) -> String {
        let w = words
        let values = [
            "uplift": e.uplift.map { format.points($0) } ?? NumberFormat.missing,
            "interval": interval(e.upliftInterval?.low, e.upliftInterval?.high) { format.points($0) },
            "mde": e.minimumDetectableEffect.map { magnitudePoints($0) } ?? NumberFormat.missing,
        ]
        switch e.verdict {
        case .positive: return w.fill("campaigns.say.positive", values)
        case .negative: return w.fill("campaigns.say.negative", values)
        case .noEffect:
            return w.fill(e.minimumDetectableEffect == nil ? "campaigns.say.no_effect_no_mde" : "campaigns.say.no_effect", values)
        case .notMeasurable:
            return w[e.unmeasurable == .emptyTreatment ? "campaigns.say.empty_treatment" : "campaigns.say.no_control"]
        }
    }

    // MARK: Formatting helpers

    func verdictWord(_ v: CampaignVerdict) -> String { words["campaigns.verdict.\(v.rawValue)"] }

    /// "−0.47 pp to +0.53 pp"; "—" when either bound is missing.
    func interval(_ low: Double?, _ high: Double?, _ f: (Double) -> String) -> String {
        guard let low, let high, low.isFinite, high.isFinite else { return NumberFormat.missing }
        return words.fill("campaigns.range", ["low": f(low), "high": f(high)])
    }

    /// "< 0.001" below a thousandth, else three decimals.
    func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return NumberFormat.missing }
        return p < 0.001 ? "<\u{00A0}" + format.decimal(0.001, digits: 3) : format.decimal(p, digits: 3)
    }

    /// A signed count or decimal: "+0.3", "−70".
    func signed(_ v: Double?, digits: Int) -> String {
        guard let v else { return NumberFormat.missing }
        return format.decimal(v, digits: digits, signed: true)
    }

    /// Signed money: two decimals under 100 (or as asked), whole units above.
    func signedMoney(_ v: Double?, digits: Int? = nil) -> String {
        guard let v else { return NumberFormat.missing }
        return format.money(v, digits: digits ?? (abs(v) >= 100 ? 0 : 2), signed: true)
    }

    /// Short signed money for wide tables: "+₽54K", "−₽1.2M".
    func signedCompactMoney(_ v: Double) -> String {
        format.compactMoney(v, signed: true)
    }

    /// ROI as a signed percent; whole percents from ±1,000 % on.
    func roiText(_ roi: Double) -> String { format.signedPercent(roi, digits: abs(roi) >= 10 ? 0 : 1) }

    /// A size of an effect in percentage points, without a sign: "0.96 pp".
    func magnitudePoints(_ v: Double) -> String {
        let s = format.points(abs(v))
        return s.hasPrefix("+") ? String(s.dropFirst()) : s
    }
}
