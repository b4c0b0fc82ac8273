import CRMData
import Formatting
import Foundation
@testable import Site
import Testing
import TestSupport

/// audit-consent.html, findings/consent.csv and findings/consent.json, generated from a fixture
/// whose findings are worked out by hand below (as of Monday 23 Nov 2026, Europe/Moscow, UTC+3):
///
/// - contact 1 granted e-mail marketing (consent 11) and withdrew it (consent 12, 10 Nov 10:00,
///   with an IP address for evidence: masked unless --show-pii);
///   messages 100 and 101 of campaign 7 went to them after it: after_withdrawal, decided by 12;
///   101 is waived; message 103 after it is transactional: no finding.
/// - contact 2 holds personal data and never granted anything: no_processing_consent (a
///   contact-level finding) and message 102 of campaign 8 is no_consent (no deciding event).
/// - contact 3's SMS grant 21 has no evidence: missing_evidence; message 105 went to them on a
///   channel spelled "@sms", which no grant covers: no_consent, and a formula-like CSV cell.
/// - waivers: 101 (active), 102 (expired on 1 Nov, so 102 counts again), 999 (matches nothing).
@Suite("Consent audit page and findings files")
struct ConsentPageTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("report-templates").path

    static let waivers = """
    - key: after_withdrawal:message:101
      reason: Withdrawal keyed in late by the call centre
      accepted_by: I. Petrova, DPO
      expires: 2027-01-31
    - key: no_consent:message:102
      reason: Consent form being traced
      accepted_by: I. Petrova, DPO
      expires: 2026-11-01
    - key: no_consent:message:999
      reason: Old entry
      accepted_by: A. Sidorov
      expires: 2027-06-30
    """

    func fixture() throws -> FixtureDB {
        let db = try FixtureDB()
        try db.insert(rows: [
            "contacts": [
                ["id": "1", "full_name": "Anna Petrova", "email": "anna.petrova@example.com", "phone": "+7 912 345-67-89", "created_at": "2024-01-01"],
                ["id": "2", "full_name": "Boris Orlov", "email": "boris@example.com", "created_at": "2024-01-01"],
                ["id": "3", "full_name": "Vera Lis", "email": "vera@example.com", "created_at": "2024-01-01"],
            ],
            "campaigns": [
                ["id": "7", "name": "Black Friday", "channel": "email", "started_at": "2026-11-01"],
                ["id": "8", "name": "Winter sale", "channel": "sms", "started_at": "2026-11-01"],
            ],
            "consents": [
                ["id": "10", "contact_id": "1", "purpose": "processing", "channel": nil, "action": "grant", "occurred_at": "2024-01-01",
                 "source": "web_form", "evidence": "policy v2"],
                ["id": "11", "contact_id": "1", "purpose": "marketing", "channel": "email", "action": "grant", "occurred_at": "2024-02-01",
                 "source": "web_form", "evidence": "double opt-in"],
                ["id": "12", "contact_id": "1", "purpose": "marketing", "channel": "email", "action": "withdraw",
                 "occurred_at": "2026-11-10 10:00:00", "source": "unsubscribe_page", "evidence": "unsubscribe link; ip 10.1.2.3"],
                ["id": "20", "contact_id": "3", "purpose": "processing", "channel": nil, "action": "grant", "occurred_at": "2024-01-01",
                 "source": "pos", "evidence": "paper form 17"],
                ["id": "21", "contact_id": "3", "purpose": "marketing", "channel": "sms", "action": "grant", "occurred_at": "2025-06-01",
                 "source": "pos", "evidence": nil],
            ],
            "messages": [
                ["id": "100", "campaign_id": "7", "contact_id": "1", "channel": "email", "purpose": "marketing", "sent_at": "2026-11-17 12:30:00"],
                ["id": "101", "campaign_id": "7", "contact_id": "1", "channel": "email", "purpose": "marketing", "sent_at": "2026-11-18 09:00:00"],
                ["id": "102", "campaign_id": "8", "contact_id": "2", "channel": "sms", "purpose": "marketing", "sent_at": "2026-11-19 15:45:00"],
                ["id": "103", "campaign_id": nil, "contact_id": "1", "channel": "email", "purpose": "transactional", "sent_at": "2026-11-19 16:00:00"],
                ["id": "104", "campaign_id": "8", "contact_id": "3", "channel": "sms", "purpose": "marketing", "sent_at": "2026-11-18 11:00:00"],
                ["id": "105", "campaign_id": nil, "contact_id": "3", "channel": "@sms", "purpose": "marketing", "sent_at": "2026-11-20 08:00:00"],
            ],
        ])
        return db
    }

    struct Published {
        let folder: URL
        let db: FixtureDB
        func text(_ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
        func json(_ name: String) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any] ?? [:]
        }
    }

    func generate(locale: ReportLocale = .en, showPII: Bool = false, omit: Set<String> = [],
                  configure: (inout ReportConfig) throws -> Void = { _ in }) async throws -> Published {
        let db = omit.isEmpty ? try fixture() : try FixtureDB(omitTables: omit)
        if !omit.isEmpty { try db.contact(1, created: "2024-01-01") }
        let waivers = db.folder.appendingPathComponent("waivers.yml")
        try Data(Self.waivers.utf8).write(to: waivers)
        var config = ReportConfig()
        config.db = db.path
        config.out = db.folder.appendingPathComponent("out-\(locale.rawValue)-\(showPII)").path
        config.asOf = "2026-11-23"
        config.timezone = "Europe/Moscow"
        config.locale = locale
        config.showPII = showPII
        config.consentWaivers = waivers.path
        try configure(&config)
        let outcome = try await ReportRun(config: config, templates: try Templates(folder: Self.templates)).generate()
        return Published(folder: outcome.periodFolder, db: db)
    }

    /// The text of an HTML page without tags and with entities decoded, spaces collapsed.
    static func visible(_ html: String) -> String {
        var t = html.replacingOccurrences(of: "<(style|script)[^>]*>[^<]*</(style|script)>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (e, c) in [("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"), ("\u{00A0}", " ")] {
            t = t.replacingOccurrences(of: e, with: c)
        }
        return t.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    @Test func countsInReportJSON() async throws {
        let site = try await generate()
        let consent = try #require(site.json("report.json")["consent"] as? [String: Any])
        // Open findings: the waived 101 is counted apart (issue 22.4), the 102 of the expired waiver is open and marked.
        let checks = try #require(consent["checks"] as? [String: Int])
        #expect(checks["after_withdrawal"] == 1 && checks["no_consent"] == 2 && checks["no_processing_consent"] == 1)
        #expect(checks["missing_evidence"] == 1 && checks.values.reduce(0, +) == 5)
        #expect((consent["waived_by_check"] as? [String: Int])?["after_withdrawal"] == 1)
        #expect(consent["expired_waiver"] as? Int == 1 && (consent["expired_waiver_by_check"] as? [String: Int])?["no_consent"] == 1)
        #expect(consent["violations"] as? Int == 4 && consent["warnings"] as? Int == 1)
        #expect(consent["info"] as? Int == 0 && consent["waived"] as? Int == 1)
        #expect(consent["expired_waivers"] as? Int == 1 && consent["unmatched_waivers"] as? Int == 1)
        let campaigns = try #require(consent["campaigns"] as? [[String: Any]])
        #expect(campaigns.map { $0["campaign_id"] as? Int } == [7, 8])
        #expect(campaigns.first?["name"] as? String == "Black Friday")
        #expect(campaigns.map { $0["violations"] as? Int } == [1, 1] && campaigns.map { $0["findings"] as? Int } == [1, 1])
        let weekly = try #require(consent["weekly"] as? [[String: Any]])
        #expect(weekly.count == 26)
        #expect(weekly.last?["week"] as? String == "2026-W47" && weekly.last?["violations"] as? Int == 3)
    }

    @Test func pageShowsVerdictChecksAndEvidence() async throws {
        let site = try await generate()
        let page = Self.visible(try site.text("audit-consent.html"))
        #expect(page.contains("Violations 4 Warnings 1 For information 0 Waived 1"))
        #expect(page.contains("Violations: 4."))
        // Open 1, waived 1, no threshold: one count, the same as the verdict's.
        #expect(page.contains("Sent after withdrawal after_withdrawal violation 1 1 waived 5 marketing messages 38-FZ art. 18 part 1; GDPR Art. 7(3)"))
        #expect(page.contains("No consent no_consent violation 2 1 with an expired waiver 5 marketing messages"))
        // The known violation: message 100 to contact 1, decided by the withdrawal 12 of 10 Nov 10:00,
        // its source shown and its evidence (an IP address) masked.
        #expect(page.contains("violation Sent after withdrawal #100 email · 17 Nov 2026 12:30 #1 a***@example.com +7 *** *** ** 89 Black Friday (#7) #12 withdrawal 10 Nov 2026 10:00 source: unsubscribe_page · evidence recorded (masked)"))
        #expect(!page.contains("10.1.2.3"))
        // The facts of metrics.md "Evidence" below the event: its purpose and channel; for the grant without proof, what is missing.
        #expect(page.contains("evidence recorded (masked) purpose: marketing channel: email violation"))
        #expect(page.contains("#21 grant 1 Jun 2025 00:00 source: pos · no evidence purpose: marketing channel: sms missing: evidence"))
        #expect(page.contains("violation No consent #102 sms · 19 Nov 2026 15:45 #2 b***@example.com Winter sale (#8) none: no grant was ever recorded"))
        // Contact-level and grant-level findings: no message, the event that decided where there is one.
        #expect(page.contains("violation No consent to processing — #2 b***@example.com — none: no active processing grant"))
        #expect(page.contains("warning Consent without evidence — #3 v***@example.com — #21 grant 1 Jun 2025 00:00 source: pos · no evidence"))
        #expect(page.contains("Black Friday #7 1 1 Sent after withdrawal 1"))
        #expect(page.contains("Times are in the report's time zone, Europe/Moscow."))
        #expect(page.contains("38-FZ art. 18 part 1") && page.contains("CAN-SPAM allows 10 business days"))
        #expect(!page.contains("anna.petrova@example.com"))
        // Waived apart with its reason; the expired and the unmatched waiver each said so.
        #expect(page.contains("Waived findings Findings accepted in the waiver file: 1."))
        #expect(page.contains("Sent after withdrawal after_withdrawal:message:101 #101 email · 18 Nov 2026 09:00 #1 Withdrawal keyed in late by the call centre I. Petrova, DPO 31 Jan 2027"))
        #expect(page.contains("Expired waivers: 1 They no longer apply") && page.contains("no_consent:message:102 No consent Consent form being traced"))
        #expect(page.contains("Waivers that match nothing: 1 The finding is gone") && page.contains("no_consent:message:999 No consent Old entry A. Sidorov 30 Jun 2027"))
        let evidence = try #require(page.range(of: "The evidence"))
        let waived = try #require(page.range(of: "Waived findings Findings"))
        #expect(!page[evidence.upperBound..<waived.lowerBound].contains("#101 "), "the waived finding is not in the evidence list")
        let nav = try site.text("index.html")
        #expect(nav.contains("href=\"audit-consent.html\">Consent audit</a>"))
    }

    @Test func personalDataShownWithShowPII() async throws {
        let site = try await generate(showPII: true)
        let page = Self.visible(try site.text("audit-consent.html"))
        #expect(page.contains("#1 anna.petrova@example.com +7 912 345-67-89 Black Friday (#7)"))
        #expect(page.contains("Personal data is shown unmasked (--show-pii)."))
        #expect(page.contains("#12 withdrawal 10 Nov 2026 10:00 source: unsubscribe_page · evidence: unsubscribe link; ip 10.1.2.3"))
        let json = try site.json("findings/consent.json")
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["email"] as? String == "anna.petrova@example.com" })
        let event = try #require(findings.first?["deciding_event"] as? [String: Any])
        #expect(event["evidence"] as? String == "unsubscribe link; ip 10.1.2.3" && event["source"] as? String == "unsubscribe_page")
    }

    @Test func csvLinesExactly() async throws {
        let site = try await generate()
        let csv = try site.text("findings/consent.csv")
        // Sorted by check, then message id (contact- and grant-level rows, with empty message columns, first);
        // sent_at in the report's zone, Europe/Moscow (+03:00); the waived 101 is a finding too; "@sms" made safe.
        // evidence: the deciding facts in the zone with their offset; waived_by: the active waiver's key.
        let withdrawal = "event_id=12; event_action=withdraw; event_purpose=marketing; event_channel=email; event_at=2026-11-10T10:00:00+03:00"
        let lines: [String] = [
            "check,severity,message_id,contact_id,campaign_id,channel,sent_at,deciding_event_id,evidence,waived_by",
            "after_withdrawal,violation,100,1,7,email,2026-11-17T12:30:00+03:00,12,\(withdrawal),",
            "after_withdrawal,violation,101,1,7,email,2026-11-18T09:00:00+03:00,12,\(withdrawal),after_withdrawal:message:101",
            "missing_evidence,warning,,3,,,,21,event_id=21; event_action=grant; event_purpose=marketing; event_channel=sms; event_at=2025-06-01T00:00:00+03:00; missing=evidence,",
            "no_consent,violation,102,2,8,sms,2026-11-19T15:45:00+03:00,,,",
            "no_consent,violation,105,3,,\"'@sms\",2026-11-20T08:00:00+03:00,,,",
            "no_processing_consent,violation,,2,,,,,event_id=; event_action=; event_purpose=; event_channel=; event_at=; expires_at=,",
        ]
        #expect(csv == lines.map { $0 + "\r\n" }.joined())
    }

    /// consent.json is written field by field for speed: its bytes must be the generic encoder's,
    /// keys sorted (provenance first), nulls kept, for every kind of field, escapes and non-ASCII text included.
    @Test func findingsJSONWriterIsTheGenericEncoding() async throws {
        let site = try await generate()
        let data = try Data(contentsOf: site.folder.appendingPathComponent("findings/consent.json"))
        let doc = try JSONDecoder().decode(ConsentFindingsDoc.self, from: data)
        #expect(Data(try JSONValueEncoder.encode(doc).compactText().utf8) == data)
        var odd = try #require(doc.findings.first)
        odd.campaignName = "Кампания \"Чёрная\" пятница\\ \u{1}\t\n\r end 😀"
        odd.unsubscribeMessageID = -9_223_372_036_854_775_808
        odd.contactID = 9_223_372_036_854_775_807
        odd.decidingEvent?.evidence = "token \"a\\b\" ключ"
        odd.evidence = ["event_id": .int(-1), "event_channel": .null, "window_end": .text("\"x\"\u{1F}")]
        odd.waivedBy = "k\\"
        for finding in [odd] + doc.findings + doc.waived {
            var fast = JSONBytes(), generic = JSONBytes()
            finding.write(&fast)
            try JSONValueEncoder.encode(finding).writeCompact(&generic)
            #expect(fast.text == generic.text)
        }
    }

    @Test func findingsJSONParsesBack() async throws {
        let site = try await generate()
        let data = try Data(contentsOf: site.folder.appendingPathComponent("findings/consent.json"))
        let doc = try JSONDecoder().decode(ConsentFindingsDoc.self, from: data)
        #expect(doc.timezone == "Europe/Moscow")
        #expect(doc.findings.map(\.key) == ["after_withdrawal:message:100", "missing_evidence:consent:21", "no_consent:message:102",
                                            "no_consent:message:105", "no_processing_consent:contact:2"])
        let first = try #require(doc.findings.first)
        #expect(first.sentAt == "2026-11-17T12:30:00+03:00" && first.campaignName == "Black Friday" && first.email == "a***@example.com")
        #expect(first.decidingEvent == .init(id: 12, occurredAt: "2026-11-10T10:00:00+03:00", action: "withdraw", hasSource: true, hasEvidence: true,
                                              source: "unsubscribe_page", evidence: nil), "evidence is masked without --show-pii")
        #expect(doc.findings[1].decidingEvent?.source == "pos" && doc.findings[1].decidingEvent?.hasEvidence == false)
        #expect(doc.findings[2].decidingEvent == nil && doc.findings[2].waiver == nil)
        #expect(doc.waived.map(\.key) == ["after_withdrawal:message:101"])
        let waiver = try #require(doc.waived.first?.waiver)
        #expect(waiver.key == "after_withdrawal:message:101" && waiver.reason == "Withdrawal keyed in late by the call centre")
        #expect(waiver.acceptedBy == "I. Petrova, DPO" && waiver.expires == "2027-01-31")
        #expect(doc.expiredWaivers.map(\.key) == ["no_consent:message:102"] && doc.unmatchedWaivers.map(\.key) == ["no_consent:message:999"])
        #expect(first.evidence == ["event_id": .int(12), "event_action": .text("withdraw"), "event_purpose": .text("marketing"),
                                   "event_channel": .text("email"), "event_at": .text("2026-11-10T10:00:00+03:00")])
        #expect(doc.findings[4].evidence["event_id"] == .null && doc.findings[4].evidence.count == 6)
        #expect(doc.waived.first?.waivedBy == "after_withdrawal:message:101" && first.waivedBy == nil)
        #expect(doc.provenance.asOf == "2026-11-23" && doc.provenance.timezone == "Europe/Moscow")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"accepted_by\"") && text.contains("\"deciding_event\"") && !text.contains("acceptedBy"))
    }

    @Test func russianPageHasNoEnglish() async throws {
        let site = try await generate(locale: .ru)
        let page = Self.visible(try site.text("audit-consent.html"))
        #expect(page.contains("Нарушения 4 Предупреждения 1 К сведению 0 Приняты 1"))
        #expect(page.contains("38-ФЗ ст. 18 ч. 1; GDPR ст. 7(3)"))
        #expect(page.contains("#12 отзыв 10 ноя 2026 10:00 источник: unsubscribe_page · доказательство записано (скрыто) цель: реклама канал: email"))
        #expect(page.contains("источник: pos · нет доказательства цель: реклама канал: sms не хватает: доказательства"))
        #expect(page.contains("Правовые основания") && page.contains("не позднее 30 дней после отзыва согласия"))
        // Check ids (after_withdrawal) and file names (findings/consent.csv) are the same in both languages.
        let english = AuditConsentPage.en.values.flatMap { $0.components(separatedBy: CharacterSet(charactersIn: "{}.:;,()")) }
            .filter { $0.count > 12 && !$0.contains("findings/") }
        for phrase in english { #expect(!page.contains(phrase), "the Russian page contains the English '\(phrase)'") }
        for word in [" art. ", " part ", "burden", "good practice", " grant ", " withdrawal ", "Violations", "Waived"] {
            #expect(!page.contains(word), "the Russian page contains the English '\(word)'")
        }
    }

    /// Issue 22.2: with one of the two tables absent the checks that can run do, and the page lists the others.
    @Test(arguments: ["consents", "messages"])
    func withoutATableThePageListsTheChecksNotRun(_ table: String) async throws {
        for locale in ReportLocale.allCases {
            let site = try await generate(locale: locale, omit: [table])
            let page = Self.visible(try site.text("audit-consent.html"))
            let why = locale == .en ? "Checks not run" : "Невыполненные проверки"
            let reason = locale == .en ? "table \(table) absent" : "нет таблицы \(table)"
            #expect(page.contains(why) && page.contains(reason), "\(locale): \(page.prefix(600))")
            #expect(page.contains(locale == .en ? "Not gated: the run had no --fail-on" : "Запуск без --fail-on"))
            #expect(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("findings/consent.csv").path))
            let gate = try #require(site.json("report.json")["gate"] as? [String: Any])
            #expect(gate["result"] as? String == "not_gated" && (gate["not_run"] as? [Any])?.isEmpty == false)
        }
    }

    @Test func withoutBothTablesThePageSaysWhy() async throws {
        for locale in ReportLocale.allCases {
            let site = try await generate(locale: locale, omit: ["consents", "messages"])
            let page = Self.visible(try site.text("audit-consent.html"))
            let why = locale == .en ? "The consent audit did not run: the optional table 'consents' is absent"
                : "Аудит согласий не выполнялся: необязательной таблицы 'consents' нет в базе"
            #expect(page.contains(why), "\(locale): \(page.prefix(400))")
            #expect(page.contains(locale == .en ? "tables consents, messages absent" : "нет таблиц consents, messages"))
            #expect(!FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("findings/consent.csv").path))
            #expect(try site.json("report.json")["consent"] is NSNull)
        }
    }

    /// Issue 22.5: the settings in force and the gate's result, on the page (both languages) and in report.json.
    /// Four open violations (after_withdrawal 100, no_consent 102 and 105, no_processing_consent 2), each check
    /// below its threshold: the gate passes, and says so.
    @Test func settingsAndTheGatesResultAreShown() async throws {
        let yaml = """
            consent:
              grace_days: 3
              erasure_days: 10
              min_age: 16
              reconfirm_days: 365
              thresholds: {no_consent: 3, after_withdrawal: 2, no_processing_consent: 0.9}
              severity: {missing_evidence: info}
            """
        for locale in ReportLocale.allCases {
            let site = try await generate(locale: locale) { c in
                try ConfigFile.apply(yaml: yaml, to: &c)
                c.failOn = .violation
            }
            let page = Self.visible(try site.text("audit-consent.html"))
            if locale == .en {
                #expect(page.contains("Gate --fail-on violation: passed, with 4 open findings of severity violation or above on this audit, each check below its threshold."), "\(page.prefix(1500))")
                #expect(page.contains("Grace period to act on a withdrawal or unsubscribe consent.grace_days 3 days"))
                #expect(page.contains("Erasure period after a processing withdrawal consent.erasure_days 10 days"))
                #expect(page.contains("Re-confirmation period of a marketing grant consent.reconfirm_days 365 days"))
                #expect(page.contains("Minimum age for a marketing grant consent.min_age 16 years"))
                #expect(page.contains("consent.thresholds after_withdrawal: 2; no_consent: 3; no_processing_consent: 90.0%"))
                #expect(page.contains("Severity overrides consent.severity missing_evidence: info"))
                #expect(page.contains("In force: an erasure period of 10 days.") && !page.contains("30 days by law"))
                #expect(page.contains("Sent after withdrawal after_withdrawal violation 1 1 waived threshold 2 5 marketing messages"))
            } else {
                #expect(page.contains("Проверка --fail-on violation: пройдена; открытых замечаний серьёзности «нарушение» и выше в этом аудите: 4"), "\(page.prefix(1500))")
                #expect(page.contains("Срок удаления после отзыва согласия на обработку consent.erasure_days 10 дн."))
                #expect(page.contains("Задано: срок удаления 10 дн.") && !page.contains("30 дней по закону"))
            }
            let json = try site.json("report.json")
            let settings = try #require((json["settings"] as? [String: Any])?["consent"] as? [String: Any])
            #expect(settings["grace_days"] as? Int == 3 && settings["erasure_days"] as? Int == 10 && settings["min_age"] as? Int == 16
                    && settings["reconfirm_days"] as? Int == 365)
            let gating = try #require(settings["gating"] as? [String: Any])
            #expect((gating["thresholds"] as? [String: Double]) == ["no_consent": 3, "after_withdrawal": 2, "no_processing_consent": 0.9])
            #expect((gating["severity"] as? [String: String]) == ["missing_evidence": "info"])
            let gate = try #require(json["gate"] as? [String: Any])
            #expect(gate["fail_on"] as? String == "violation" && gate["result"] as? String == "pass" && (gate["failing"] as? [Any])?.isEmpty == true)
        }
        // One more finding than the threshold allows: the gate fails, naming the check, its count and its threshold.
        let failing = try await generate { c in
            try ConfigFile.apply(yaml: "consent: {thresholds: {no_consent: 2}}", to: &c)
            c.failOn = .violation
        }
        let gate = try #require(try failing.json("report.json")["gate"] as? [String: Any])
        let rows = try #require(gate["failing"] as? [[String: Any]])
        #expect(gate["result"] as? String == "fail" && rows.count == 3)
        #expect(rows.first { $0["check"] as? String == "no_consent" }.map { ($0["count"] as? Int, $0["threshold"] as? Int) } ?? (nil, nil) == (2, 2))
        let page = Self.visible(try failing.text("audit-consent.html"))
        #expect(page.contains("Gate --fail-on violation: failed. Failing here: after_withdrawal: 1 open; no_consent: 2 open, threshold 2; no_processing_consent: 1 open."), "\(page.prefix(1500))")
    }

    @Test func theCapIsSharedAmongTheChecks() {
        #expect(AuditConsentEvidence.fairShares([1000, 3, 50], total: 20) == [9, 3, 8])
        #expect(AuditConsentEvidence.fairShares([2, 3], total: 200) == [2, 3])
        #expect(AuditConsentEvidence.fairShares([], total: 200) == [])
    }

    @Test func everyWordInBothLanguages() {
        #expect(Set(AuditConsentPage.en.keys) == Set(AuditConsentPage.ru.keys))
    }
}
