import Foundation
import Testing
import TestSupport

/// `crm-report contact`: one person's consent file, on a hand-made CRM whose timelines and
/// consent states are derived by hand below.
@Suite("crm-report contact", .serialized)
struct ContactCommandTests {
    /// 1, a complaint: e-mail grant 2 on 1 Mar, message 10 on 2 Mar (granted by 2), withdrawal 3 on
    ///    4 Mar, message 11 on 7 Mar: withdrawn (3), after_withdrawal.
    /// 2, a re-grant: grant 20 (every channel) 1 Mar, withdrawal 21 (every channel) 4 Mar, message 30
    ///    on 6 Mar withdrawn (21); e-mail grant 22 on 10 Mar; on 12 Mar message 31 (e-mail) granted (22)
    ///    and message 32 (sms) still withdrawn (21).
    /// 3, a channel-scoped withdrawal: grant 40 (every channel) 1 Mar, sms withdrawal 41 on 4 Mar; on
    ///    5 Mar e-mail message 50 granted (40), sms message 51 withdrawn (41); a transactional sms 52.
    /// 4, deleted on 1 Apr: grant 60 on 1 Mar, message 70 on 15 Mar (granted, 60) unsubscribed on 16 Mar,
    ///    message 71 on 2 Apr: to_deleted (the first check that applies).
    /// 5 and 6 share one e-mail, typed differently.
    static func fixture() throws -> FixtureDB {
        let db = try FixtureDB()
        try db.contact(1, created: "2026-01-10", email: "anna@example.com", phone: "+79123456789", source: "site")
        try db.contact(2, created: "2026-01-10", email: "boris@example.com")
        try db.contact(3, created: "2026-01-10", email: "vera@example.com", phone: "+79123450000")
        try db.contact(4, created: "2026-01-10", email: "gleb@example.com", deleted: "2026-04-01")
        try db.contact(5, created: "2026-01-10", email: "twin@example.com")
        try db.contact(6, created: "2026-01-10", email: " TWIN@example.com")
        let events: [(Int, Int, String, String?, String, String)] = [
            (1, 1, "processing", nil, "grant", "2026-01-10"),
            (2, 1, "marketing", "email", "grant", "2026-03-01 09:00"), (3, 1, "marketing", "email", "withdraw", "2026-03-04 12:00"),
            (20, 2, "marketing", nil, "grant", "2026-03-01"), (21, 2, "marketing", nil, "withdraw", "2026-03-04"),
            (22, 2, "marketing", "email", "grant", "2026-03-10"),
            (40, 3, "marketing", nil, "grant", "2026-03-01"), (41, 3, "marketing", "sms", "withdraw", "2026-03-04"),
            (60, 4, "marketing", "email", "grant", "2026-03-01"),
        ]
        for (id, contact, purpose, channel, action, at) in events {
            try db.insert("consents", ["id": id, "contact_id": contact, "purpose": purpose, "channel": channel, "action": action,
                                       "occurred_at": at, "source": "web_form", "evidence": "double opt-in token \(id)"])
        }
        let messages: [(Int, Int, String, String, String, String?)] = [
            (10, 1, "email", "marketing", "2026-03-02 10:00", nil), (11, 1, "email", "marketing", "2026-03-07 10:00", nil),
            (30, 2, "email", "marketing", "2026-03-06", nil), (31, 2, "email", "marketing", "2026-03-12", nil),
            (32, 2, "sms", "marketing", "2026-03-12", nil),
            (50, 3, "email", "marketing", "2026-03-05", nil), (51, 3, "sms", "marketing", "2026-03-05", nil),
            (52, 3, "sms", "transactional", "2026-03-06", nil),
            (70, 4, "email", "marketing", "2026-03-15", "2026-03-16"), (71, 4, "email", "marketing", "2026-04-02", nil),
        ]
        for (id, contact, channel, purpose, at, unsubscribed) in messages {
            try db.insert("messages", ["id": id, "contact_id": contact, "channel": channel, "purpose": purpose, "sent_at": at,
                                       "unsubscribed_at": unsubscribed])
        }
        return db
    }

    func contact(_ db: FixtureDB, _ args: [String]) throws -> CLI.Result {
        try CLI.run(["contact", "--db", db.path, "--as-of", "2026-11-23"] + args)
    }

    func json(_ r: CLI.Result) throws -> [String: Any] {
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// The timeline as "kind id state deciding finding" lines.
    func timeline(_ doc: [String: Any]) -> [String] {
        ((doc["timeline"] as? [[String: Any]]) ?? []).map { e in
            let kind = e["kind"] as? String ?? ""
            let at = (e["at"] as? String ?? "").prefix(16)
            switch kind {
            case "consent": return "\(at) consent \(e["event_id"] ?? "") \(e["action"] ?? "")"
            case "message":
                return "\(at) message \(e["message_id"] ?? "") \(e["consent_state"] ?? "") \(e["deciding_event_id"] as? Int ?? 0) \(e["finding"] as? String ?? "-")"
            case "unsubscribe": return "\(at) unsubscribe \(e["message_id"] ?? "")"
            default: return "\(at) \(kind)"
            }
        }
    }

    @Test func complaintAboutAMessageAfterWithdrawal() throws {
        let db = try Self.fixture()
        let doc = try json(try contact(db, ["--id", "1"]))
        #expect(timeline(doc) == [
            "2026-01-10T00:00 created",
            "2026-01-10T00:00 consent 1 grant",
            "2026-03-01T09:00 consent 2 grant",
            "2026-03-02T10:00 message 10 granted 2 -",
            "2026-03-04T12:00 consent 3 withdraw",
            "2026-03-07T10:00 message 11 withdrawn 3 after_withdrawal",
        ])
        let contactFields = try #require(doc["contact"] as? [String: Any])
        #expect(contactFields["email"] as? String == "a***@example.com")
        #expect(contactFields["phone"] as? String == "+7 *** *** ** 89")
        let events = (doc["timeline"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "consent" }
        #expect(events.allSatisfy { $0["evidence"] is NSNull && $0["has_evidence"] as? Bool == true })
        let findings = try #require(doc["findings"] as? [String: Any])
        let consent = try #require(findings["consent"] as? [[String: Any]])
        #expect(consent.map { "\($0["key"] ?? "")" } == ["after_withdrawal:message:11"])
        #expect(consent.first?["deciding_event_id"] as? Int == 3)
        let provenance = try #require(doc["provenance"] as? [String: Any])
        #expect(provenance["as_of"] as? String == "2026-11-23")
        #expect(provenance["timezone"] as? String == "UTC")
        #expect((provenance["database_sha256"] as? String)?.count == 64)
        #expect((provenance["config_sha256"] as? String)?.count == 64)
    }

    @Test func reGrantAndChannelScopedWithdrawal() throws {
        let db = try Self.fixture()
        #expect(timeline(try json(try contact(db, ["--id", "2"]))) == [
            "2026-01-10T00:00 created",
            "2026-03-01T00:00 consent 20 grant",
            "2026-03-04T00:00 consent 21 withdraw",
            "2026-03-06T00:00 message 30 withdrawn 21 after_withdrawal",
            "2026-03-10T00:00 consent 22 grant",
            "2026-03-12T00:00 message 31 granted 22 -",
            "2026-03-12T00:00 message 32 withdrawn 21 after_withdrawal",
        ])
        #expect(timeline(try json(try contact(db, ["--id", "3"]))) == [
            "2026-01-10T00:00 created",
            "2026-03-01T00:00 consent 40 grant",
            "2026-03-04T00:00 consent 41 withdraw",
            "2026-03-05T00:00 message 50 granted 40 -",
            "2026-03-05T00:00 message 51 withdrawn 41 after_withdrawal",
            "2026-03-06T00:00 message 52 transactional 0 -",
        ])
    }

    @Test func deletedContact() throws {
        let db = try Self.fixture()
        let doc = try json(try contact(db, ["--id", "4", "--show-pii"]))
        #expect(timeline(doc) == [
            "2026-01-10T00:00 created",
            "2026-03-01T00:00 consent 60 grant",
            "2026-03-15T00:00 message 70 granted 60 -",
            "2026-03-16T00:00 unsubscribe 70",
            "2026-04-01T00:00 deleted",
            "2026-04-02T00:00 message 71 granted 60 to_deleted",
        ])
        let fields = try #require(doc["contact"] as? [String: Any])
        #expect(fields["email"] as? String == "gleb@example.com")
        #expect(fields["deleted_at"] as? String == "2026-04-01T00:00:00+00:00")
        let consentEvent = (doc["timeline"] as? [[String: Any]] ?? []).first { $0["kind"] as? String == "consent" }
        #expect(consentEvent?["evidence"] as? String == "double opt-in token 60")
    }

    /// The file's findings are the whole audits' findings of that contact, to the row.
    @Test func findingsAgreeWithTheWholeAudits() throws {
        let db = try Self.fixture()
        let consentCSV = try CLI.run(["audit", "consent", "--db", db.path, "--as-of", "2026-11-23", "--format", "csv"])
        let staleCSV = try CLI.run(["audit", "contacts", "--db", db.path, "--as-of", "2026-11-23", "--format", "csv"])
        func rows(_ text: String) -> [[String]] { text.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } }
        for id in 1...4 {
            let doc = try json(try contact(db, ["--id", String(id)]))
            let findings = try #require(doc["findings"] as? [String: Any])
            let consent = (findings["consent"] as? [[String: Any]] ?? []).map { "\($0["check"] ?? ""):\($0["message_id"] as? Int ?? 0)" }
            let expected = rows(consentCSV.stdout).filter { $0[3] == String(id) }.map { "\($0[0]):\(Int($0[2]) ?? 0)" }
            #expect(consent.sorted() == expected.sorted(), "contact \(id)")
            let stale = (findings["stale_contacts"] as? [[String: Any]] ?? []).map { $0["check"] as? String ?? "" }
            #expect(stale.sorted() == rows(staleCSV.stdout).filter { $0[0] == String(id) }.map { $0[1] }.sorted(), "contact \(id)")
        }
    }

    @Test func lookupByEmailAndPhone() throws {
        let db = try Self.fixture()
        let byEmail = try json(try contact(db, ["--email", "  ANNA@Example.com "]))
        #expect((byEmail["contact"] as? [String: Any])?["id"] as? Int == 1)
        let byPhone = try json(try contact(db, ["--phone", "8 (912) 345-67-89"]))
        #expect((byPhone["contact"] as? [String: Any])?["id"] as? Int == 1)
    }

    @Test func severalMatchesAndNoMatch() throws {
        let db = try Self.fixture()
        let twins = try contact(db, ["--email", "twin@example.com"])
        #expect(twins.status == 2)
        #expect(twins.stderr.contains("2 contacts match; name one with --id: 5, 6"), "\(twins.stderr)")
        #expect(twins.stdout.isEmpty)
        let none = try contact(db, ["--email", "nobody@example.com"])
        #expect(none.status == 2)
        #expect(none.stderr == "crm-report: no contact has the e-mail nobody@example.com at the as-of moment\n")
        let noID = try contact(db, ["--id", "99"])
        #expect(noID.status == 2 && noID.stderr.contains("no contact with id 99"))
        let badPhone = try contact(db, ["--phone", "12"])
        #expect(badPhone.status == 2 && badPhone.stderr.contains("not a valid phone number"))
        let two = try contact(db, ["--id", "1", "--email", "anna@example.com"])
        #expect(two.status == 2 && two.stderr.contains("exactly one of --id, --email and --phone"))
    }

    @Test func htmlPageInBothLanguages() throws {
        let db = try Self.fixture()
        let out = db.folder.appendingPathComponent("contact-1.html")
        let en = try contact(db, ["--id", "1", "--format", "html", "--out", out.path])
        #expect(en.status == 0, "\(en.stderr)")
        #expect(en.stdout.isEmpty)
        let page = try String(contentsOf: out, encoding: .utf8)
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("Consent file of contact #1"))
        #expect(page.contains("a***@example.com") && !page.contains("anna@example.com"))
        #expect(page.contains("<code class=\"muted\">after_withdrawal</code>"))
        #expect(!page.contains("⟦"))
        let ru = try contact(db, ["--id", "1", "--format", "html", "--locale", "ru"])
        #expect(ru.status == 0)
        #expect(ru.stdout.contains("<html lang=\"ru\">") && ru.stdout.contains("Досье согласий контакта #1") && !ru.stdout.contains("⟦"))
    }
}
