import CRMData
import Foundation
import Testing

@Suite("Schema contract")
struct SchemaContractTests {
    @Test("the code's contract equals the project's copy of the contract DDL, docs/contract/crm-schema.sql")
    func contractMatchesTheRepositoryCopy() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let copy = root.appendingPathComponent("docs/contract/crm-schema.sql")
        let text = try String(contentsOf: copy, encoding: .utf8)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == contractDDL.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("tables and required columns are read from the DDL")
    func derivedTables() throws {
        let c = SchemaContract.v1
        #expect(c.tables.map(\.name) == ["contacts", "consents", "deals", "deal_stages", "pipeline_stages", "orders", "campaigns",
                                         "campaign_members", "messages", "interactions", "acquisition_costs"])
        #expect(c.tables.filter(\.required).map(\.name) == ["contacts", "orders"])
        let orders = try #require(c.table("orders"))
        #expect(orders.columns.filter(\.required).map(\.name) == ["id", "contact_id", "ordered_at", "amount", "status"])
        #expect(orders.columns.map(\.name) == ["id", "contact_id", "ordered_at", "amount", "channel", "store", "status"])
        #expect(try #require(c.table("contacts")).columns.count == 16)
    }
}

@Suite("Config file")
struct ConfigFileTests {
    func load(_ yaml: String) throws -> ReportConfig {
        var c = ReportConfig()
        try ConfigFile.apply(yaml: yaml, source: "report.yml", to: &c)
        return c
    }

    func error(_ yaml: String) -> String {
        do { _ = try load(yaml); return "no error" } catch { return "\(error)" }
    }

    @Test("defaults are those of metrics.md")
    func defaults() throws {
        let c = try load("")
        #expect(c.timezone == "UTC" && c.period == .week && c.locale == .en)
        #expect(c.funnelWindowWeeks == 13 && c.funnelMinGroup == 20 && c.cohortGrain == .month && c.cohortCount == 12)
        #expect(c.rfmWindowDays == 365 && c.campaignWindowDays == 14 && c.campaignPersistenceDays == 60)
        #expect(c.staleVerifyDays == 730 && c.staleDefaultRegion == "RU" && c.staleDormantDaysB2C == 60 && c.staleDormantDaysB2B == 120)
        #expect(c.consentGraceDays == 0 && c.consentReconfirmDays == 730 && c.consentMinAge == 14 && c.consentErasureDays == 30)
    }

    @Test("every setting is read")
    func reads() throws {
        let c = try load("""
            timezone: Europe/Moscow
            period: month
            locale: ru
            currency: EUR
            funnel:
              window_weeks: 26
              min_group: 5
              stages:
                b2b: [lead, meeting, won_contract]
            cohorts: {grain: week, count: 8}
            rfm: {window_days: 180}
            campaigns: {window_days: 7, persistence_days: 30}
            stale:
              dormant_days: {b2c: 90, b2b: 200}
              role_addresses: [Hello]
            consent: {grace_days: 10, thresholds: {no_consent: 3}}
            """)
        #expect(c.timezone == "Europe/Moscow" && c.period == .month && c.locale == .ru && c.currency == "EUR")
        #expect(c.funnelWindowWeeks == 26 && c.funnelMinGroup == 5 && c.funnelStages == ["b2b": ["lead", "meeting", "won_contract"]])
        #expect(c.cohortGrain == .week && c.cohortCount == 8 && c.rfmWindowDays == 180)
        #expect(c.campaignWindowDays == 7 && c.campaignPersistenceDays == 30)
        #expect(c.staleDormantDaysB2C == 90 && c.staleDormantDaysB2B == 200 && c.staleRoleAddresses == ["hello"])
        #expect(c.consentGraceDays == 10 && c.consentThresholds == ["no_consent": .count(3)])
    }

    @Test("an unknown key or a bad value is an error naming the key", arguments: [
        ("funnel:\n  windw_weeks: 3", "funnel.windw_weeks"),
        ("perod: week", "perod"),
        ("period: fortnight", "period"),
        ("funnel:\n  window_weeks: many", "funnel.window_weeks"),
        ("funnel:\n  window_weeks: 0", "funnel.window_weeks"),
        ("timezone: Mars/Olympus", "timezone"),
        ("locale: de", "locale"),
        ("as_of: 2026-13-01", "as_of"),
        ("cohorts: week", "cohorts"),
        ("stale:\n  severity:\n    unverified: fatal", "stale.severity.unverified"),
        ("funnel: [1, 2", "not valid YAML"),
    ])
    func rejects(_ yaml: String, _ culprit: String) {
        let message = error(yaml)
        #expect(message.contains(culprit), "\(message)")
        #expect(message.hasPrefix("report.yml"))
    }

    @Test("a threshold too large for a count says so, not that a share must be below 1")
    func hugeCount() {
        let message = error("stale:\n  thresholds:\n    invalid_phone: 99999999999999999999999")
        #expect(message == "report.yml: stale.thresholds.invalid_phone: a count must be at most 9223372036854775807, got 99999999999999999999999", "\(message)")
        #expect(error("consent:\n  thresholds:\n    no_consent: 1.5").contains("a share must be at least 0 and below 1"))
    }

    @Test("the canonical text names every setting, so equal settings hash equally")
    func canonical() throws {
        let a = try load("funnel: {min_group: 5}\nperiod: week")
        let b = try load("period: week\nfunnel:\n  min_group: 5")
        #expect(a.canonicalText == b.canonicalText)
        #expect(a.canonicalText != ReportConfig().canonicalText)
        #expect(a.canonicalText.contains("funnel.min_group: 5\n"))
    }
}
