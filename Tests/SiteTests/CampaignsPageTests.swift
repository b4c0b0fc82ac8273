import Formatting
import CRMData
import Foundation
@testable import Site
import Testing
import TestSupport

/// campaigns.html and report.json's `campaigns` from a generated site: every number of a
/// campaign pinned to its hand-computed value (the same campaign as ReportsTests' campaign 1:
/// treatment 2 of 5 converted for $130, control 1 of 3 for $10).
@Suite("Campaigns page")
struct CampaignsPageTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("report-templates").path
    /// The word joiner that keeps a sign with its currency symbol.
    static let wj = "\u{2060}"

    static func fixture() throws -> FixtureDB {
        let db = try FixtureDB()
        for id in [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 30, 31] { try db.contact(id) }
        func member(_ c: Int, _ k: Int, _ arm: String, _ at: String) throws {
            try db.insert("campaign_members", ["campaign_id": c, "contact_id": k, "arm": arm, "assigned_at": at])
        }
        try db.insert("campaigns", ["id": 1, "name": "Winter sale", "channel": "email", "kind": "promo", "started_at": "2026-01-10",
                                    "cost": 50.0, "window_days": 7])
        for k in 1...5 { try member(1, k, "treatment", "2026-01-10 00:00:00") }
        for k in 6...8 { try member(1, k, "control", "2026-01-10 00:00:00") }
        try db.order(1, contact: 1, at: "2026-01-10 00:00:00", amount: 100)
        try db.order(2, contact: 2, at: "2026-01-17 00:00:00", amount: 50)
        try db.order(3, contact: 3, at: "2026-01-16 23:59:59", amount: 30)
        try db.order(4, contact: 3, at: "2026-01-12 00:00:00", amount: 999, status: "returned")
        try db.order(7, contact: 6, at: "2026-01-12 00:00:00", amount: 10)
        try db.insert("campaigns", ["id": 2, "name": "Late promo", "channel": "sms", "started_at": "2026-02-20"])
        try member(2, 10, "treatment", "2026-02-20 10:00:00")
        try member(2, 11, "treatment", "2026-02-20 10:00:00")
        try member(2, 12, "control", "2026-02-20 10:00:00")
        try db.order(10, contact: 10, at: "2026-02-28 10:00:00", amount: 10)
        try db.insert("campaigns", ["id": 5, "name": "No control", "channel": "email", "started_at": "2026-02-01", "window_days": 14])
        try member(5, 30, "treatment", "2026-02-01 00:00:00")
        try member(5, 31, "treatment", "2026-02-01 00:00:00")
        func message(_ id: Int, _ k: Int, delivered: Bool = true, opened: Bool = false, clicked: Bool = false,
                     bounce: String? = nil, unsubscribed: Bool = false) throws {
            try db.insert("messages", ["id": id, "campaign_id": 1, "contact_id": k, "channel": "email", "purpose": "marketing",
                                       "sent_at": "2026-01-10 01:00:00", "delivered_at": delivered ? "2026-01-10 01:01:00" : nil,
                                       "opened_at": opened ? "2026-01-10 02:00:00" : nil, "clicked_at": clicked ? "2026-01-10 02:01:00" : nil,
                                       "bounce": bounce, "unsubscribed_at": unsubscribed ? "2026-01-11 00:00:00" : nil])
        }
        try message(1, 1, opened: true, clicked: true)
        try message(2, 2, opened: true)
        try message(3, 3, unsubscribed: true)
        try message(4, 4, delivered: false, bounce: "hard")
        try message(5, 5)
        try message(6, 6)                    // a control member: contamination
        try message(7, 6, delivered: false)  // the same member again
        return db
    }

    static func generate(locale: String = "en") async throws -> (html: String, json: [String: Any], db: FixtureDB) {
        let db = try fixture()
        var config = ReportConfig()
        config.db = db.path
        config.out = db.folder.appendingPathComponent("out").path
        config.asOf = "2026-03-01"
        config.currency = "USD"
        config.locale = ReportLocale(rawValue: locale) ?? .en
        let outcome = try await ReportRun(config: config, templates: try Templates(folder: templates)).generate()
        let html = try String(contentsOf: outcome.periodFolder.appendingPathComponent("campaigns.html"), encoding: .utf8)
        let data = try Data(contentsOf: outcome.periodFolder.appendingPathComponent("report.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return (html, json, db)
    }

    @Test("every figure of a campaign on the page")
    func pageFigures() async throws {
        let (html, _, _) = try await Self.generate()
        let wj = Self.wj
        // The arms: 2/5 = 40.00 %, $130 / 5 = $26.00 (money of 100 and more in whole units); 1/3 = 33.33 %, $10 / 3 = $3.33.
        #expect(html.contains("<td>Treatment</td><td>5</td><td>2</td><td>40.00%</td><td>$130</td><td>$26.00</td>"))
        #expect(html.contains("<td>Control</td><td>3</td><td>1</td><td>33.33%</td><td>$10.00</td><td>$3.33</td>"))
        // Uplift 0.4 - 1/3 = +6.67 pp, relative +20.0 %; Newcombe [-0.4722, 0.5252]; z-test p = 0.8504.
        #expect(html.contains("<dd>+6.67\u{00A0}pp<small>relative +20.0%</small>"))
        #expect(html.contains("−47.22\u{00A0}pp to +52.52\u{00A0}pp"))
        #expect(html.contains("<dd>0.850<small>"))
        // Revenue per member 26 - 3.33 = +$22.67, Welch [-30.80, 76.13]; incremental 0.333 conversions, $113.33.
        #expect(html.contains("<dd>+\(wj)$22.67<small>95% Welch interval −\(wj)$30.80 to +\(wj)$76.13</small>"))
        #expect(html.contains("<dd>+0.3</dd>"))
        #expect(html.contains("<dd>+\(wj)$113</dd>"))
        // ROI (113.33 - 50) / 50 = +126.7 %; MDE 2.8016 · √(1/3 · 2/3 · (1/5 + 1/3)) = 96.45 pp.
        #expect(html.contains("<dd>$50.00<small>ROI +126.7%</small>"))
        #expect(html.contains("<dd>96.45\u{00A0}pp<small>"))
        // Persistence: contact 2's order of 17 Jan: 1/5 = 20.00 % vs 0/3; Newcombe [-0.3849, 0.6245]; +$10.00 per member.
        #expect(html.contains("treatment 20.00% vs control 0.00%, uplift +20.00\u{00A0}pp (95% interval −38.49\u{00A0}pp to +62.45\u{00A0}pp), revenue per member +\(wj)$10.00: no effect detected. Provisional: open until 18 Mar 2026."))
        // Contamination: contact 6 of 3 controls.
        #expect(html.contains("1 of 3 control members (33.3%) were sent a message of this campaign"))
        // Funnel: 7 sent, 5 delivered, 2 opened, 1 clicked, 1 unsubscribed, 1 hard bounce; 5/7, 2/5, 1/5, 1/2, 1/5.
        #expect(html.contains("<td class=\"num\">7</td><td class=\"num\">5</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">1</td>"))
        #expect(html.contains("<td class=\"num\">71.4%</td><td class=\"num\">40.0%</td><td class=\"num\">20.0%</td><td class=\"num\">50.0%</td><td class=\"num\">20.0%</td>"))
        #expect(html.contains("No effect detected: +6.67\u{00A0}pp, but the 95% interval −47.22\u{00A0}pp to +52.52\u{00A0}pp includes zero. With these arm sizes only an uplift of about 96.45\u{00A0}pp or more would reliably show."))
    }

    @Test("provisional, not measurable, the tally and the ranking")
    func pageStates() async throws {
        let (html, _, _) = try await Self.generate()
        #expect(html.contains("3 campaigns: 0 with a positive effect, 0 with a negative effect, 2 with no effect detected, 1 not measurable; 1 still in progress"))
        #expect(html.contains("In progress: windows stay open until 6 Mar 2026, so these numbers are provisional"))
        #expect(html.contains("#2 Late promo <span class=\"badge no_effect\">no effect detected</span> <span class=\"badge provisional\">provisional</span>"))
        #expect(html.contains("The effect of this campaign cannot be measured: it has no control group, so nothing tells"))
        // Ranking: #1 ($113.33) before #2 ((5 - 0) × 2 = $10.00); #5 is not measurable and left out.
        let first = try #require(html.range(of: "<td class=\"name\"><a href=\"#c1\">"))
        let second = try #require(html.range(of: "<td class=\"name\"><a href=\"#c2\">"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(!html.contains("<td class=\"name\"><a href=\"#c5\">"))
        #expect(html.contains("<td class=\"num\">+\(Self.wj)$10.00</td>"))
        #expect(!html.contains("NaN") && !html.contains("nan") && !html.contains("⟦"))
        #expect(FileManager.default.fileExists(atPath: Self.templates + "/campaigns.mustache"))
    }

    @Test("report.json campaigns as outputs.md shows")
    func json() async throws {
        let (_, json, _) = try await Self.generate()
        let list = try #require(json["campaigns"] as? [[String: Any]])
        #expect(list.map { $0["id"] as? Int } == [2, 5, 1])
        let c = try #require(list.last)
        #expect(c["status"] as? String == "complete" && c["window_days"] as? Int == 7 && c["verdict"] as? String == "no_effect")
        let t = try #require(c["treatment"] as? [String: Any])
        #expect(t["n"] as? Int == 5 && t["converted"] as? Int == 2 && t["rate"] as? Double == 0.4 && t["revenue_per_member"] as? Double == 26)
        let u = try #require(c["uplift"] as? [String: Any])
        #expect(abs((u["absolute"] as? Double ?? 0) - 0.0666666667) < 1e-10)
        #expect(abs((u["ci_low"] as? Double ?? 0) + 0.4722447487) < 1e-10)
        #expect(abs((u["p_value"] as? Double ?? 0) - 0.8504362683) < 1e-10)
        #expect(c["contaminated_controls"] as? Int == 1)
        #expect(abs((c["roi"] as? Double ?? 0) - 1.2666666667) < 1e-10)
        let m = try #require(c["messages"] as? [String: Any])
        #expect(m["sent"] as? Int == 7 && m["hard_bounces"] as? Int == 1 && m["click_to_open_rate"] as? Double == 0.5)
        let p = try #require(c["persistence"] as? [String: Any])
        #expect(p["status"] as? String == "in_progress" && p["days"] as? Int == 60)
        let none = list[1]
        #expect(none["verdict"] as? String == "not_measurable" && none["control"] is NSNull && none["uplift"] is NSNull)
        #expect(none["revenue_difference"] is NSNull && none["mde"] is NSNull && none["not_measurable_reason"] as? String == "no_control_arm")
        let late = list[0]
        #expect(late["status"] as? String == "in_progress")
        #expect((late["revenue_difference"] as? [String: Any])?["ci_low"] is NSNull)   // a control arm of 1: no Welch interval
        #expect((late["persistence"] as? [String: Any])?["status"] as? String == "not_started")
    }

    @Test("Russian page")
    func russian() async throws {
        let (html, _, _) = try await Self.generate(locale: "ru")
        #expect(html.contains("<td>Тестовая</td><td>5</td><td>2</td><td>40,00\u{00A0}%</td>"))
        #expect(html.contains("<dd>+6,67\u{00A0}п.\u{00A0}п.<small>относительный +20,0\u{00A0}%</small>"))
        #expect(html.contains("от −47,22\u{00A0}п.\u{00A0}п. до +52,52\u{00A0}п.\u{00A0}п."))
        #expect(html.contains("Эффект этой кампании измерить нельзя: у неё нет контрольной группы, и не с чем сравнить"))
        #expect(!html.contains("⟦"))
    }

    @Test("absent campaign tables give null and say why")
    func absent() async throws {
        let db = try FixtureDB(omitTables: ["campaigns", "campaign_members"])
        try db.contact(1)
        var config = ReportConfig()
        config.db = db.path
        config.out = db.folder.appendingPathComponent("out").path
        config.asOf = "2026-03-01"
        let outcome = try await ReportRun(config: config, templates: try Templates(folder: Self.templates)).generate()
        let html = try String(contentsOf: outcome.periodFolder.appendingPathComponent("campaigns.html"), encoding: .utf8)
        #expect(html.contains("The campaign report is not available: the optional table &#39;campaigns&#39; is absent."))
        let data = try Data(contentsOf: outcome.periodFolder.appendingPathComponent("report.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["campaigns"] is NSNull)
        let notes = json["notes"] as? [[String: String]] ?? []
        #expect(notes.contains { $0["id"] == "campaigns.table_absent.campaigns" && $0["text"] == "campaigns: the optional table 'campaigns' is absent" })
    }
}
