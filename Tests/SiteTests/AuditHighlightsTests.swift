import CRMData
import Formatting
import Foundation
import Reports
import Results
@testable import Site
import Testing
import TestSupport

/// The consent audit's verdict among "the most important changes" of the e-mail and the PDF.
@Suite("Audit highlights")
struct AuditHighlightsTests {
    /// One marketing e-mail (message 12) sent two days after the recipient withdrew: one after_withdrawal violation.
    func context(_ locale: ReportLocale, mailed: Bool = true) async throws -> SectionContext {
        let db = try FixtureDB()
        try db.contact(1, created: "2025-06-01", email: "ivan@example.com")
        for (id, purpose, channel, action, at) in [(1, "processing", nil, "grant", "2026-01-01"), (2, "marketing", "email", "grant", "2026-01-01"),
                                                   (3, "marketing", "email", "withdraw", "2026-02-01")] as [(Int, String, String?, String, String)] {
            try db.insert("consents", ["id": id, "contact_id": 1, "purpose": purpose, "channel": channel, "action": action, "occurred_at": at,
                                       "source": "web_form", "evidence": "policy v3"])
        }
        if mailed { try db.insert("messages", ["id": 12, "contact_id": 1, "channel": "email", "purpose": "marketing", "sent_at": "2026-02-03"]) }
        let s = try db.snapshot(asOf: "2026-11-23")
        let period = ReportPeriod.latest(.week, asOfDay: s.zone.day(of: s.asOf))
        let results = try await ReportComputation.compute(s, config: ReportConfig(), period: period)
        let provenance = Provenance(asOf: "2026-11-23", timezone: "UTC", configHash: "c", databaseSHA256: "d")
        let frame = PageFrame(words: Words(locale), format: NumberFormat(locale: locale, currency: "RUB"), period: period,
                              provenance: provenance, pages: [])
        return SectionContext(results: results, config: ReportConfig(), frame: frame)
    }

    @Test func consentVerdictInBothLanguages() async throws {
        #expect(AuditVerdictHighlights.highlights(try await context(.en)).map(\.sentence)
                == ["Consent audit: violations 1, warnings 0; the most frequent violation: Sent after withdrawal (1)."])
        let ru = AuditVerdictHighlights.highlights(try await context(.ru)).map(\.sentence)
        #expect(ru.count == 1 && ru[0].hasPrefix("Аудит согласий: нарушений 1, предупреждений 0; чаще всего — "))
        #expect(AuditVerdictHighlights.highlights(try await context(.en, mailed: false)).map(\.sentence)
                == ["Consent audit: no violation (warnings 0)."])
    }
}
