import CRMData
import Foundation
import Results
import Testing
import TestSupport
@testable import Audits
@testable import Site

/// The evidence facts of metrics.md "Evidence", check by check: a tiny database per check,
/// the facts worked out by hand. As of Monday 23 Nov 2026 in Europe/Moscow (UTC+3, no summer
/// time), so every moment is written with `+03:00`; times without an offset in the rows are
/// Moscow wall-clock times.
@Suite("Consent evidence facts, by hand")
struct ConsentEvidenceFactsTests {
    typealias R = ExampleRow

    /// The audit of the rows, its findings of `check` with their facts as consent.csv writes them.
    func facts(_ check: String, config: [String: String] = [:], contacts: [R.Row] = [R.contact()], consents: [R.Row] = [],
               messages: [R.Row] = []) throws -> [String] {
        let db = try FixtureDB()
        try db.insert(rows: ["contacts": contacts, "consents": consents, "messages": messages])
        let cfg = try ReportConfig.with(config)
        let snapshot = try db.snapshot(asOf: "2026-11-23", timezone: "Europe/Moscow")
        let result = try #require(try AuditGating(cfg).consent(snapshot, config: cfg))
        return result.evidence.indices.filter { result.evidence.check($0) == check }.map { result.evidence.facts($0).csvText(zone: snapshot.zone) }
    }

    @Test func toDeletedCarriesTheDeletion() throws {
        let found = try facts("to_deleted", contacts: [R.contact(deleted: "2026-10-01 09:15")],
                              consents: [R.grant(1, at: "2026-01-01")], messages: [R.message(7, at: "2026-10-05")])
        #expect(found == ["deleted_at=2026-10-01T09:15:00+03:00"])
    }

    @Test func noConsentHasNoFactButTheAbsence() throws {
        #expect(try facts("no_consent", messages: [R.message(7, at: "2026-10-05")]) == [""])
    }

    @Test func afterWithdrawalNamesTheWithdrawalWithPurposeAndChannel() throws {
        let channel = try facts("after_withdrawal", consents: [R.grant(1, at: "2026-01-01"), R.withdraw(2, at: "2026-02-01 12:00")],
                                messages: [R.message(7, at: "2026-02-03")])
        #expect(channel == ["event_id=2; event_action=withdraw; event_purpose=marketing; event_channel=email; event_at=2026-02-01T12:00:00+03:00"])
        // A withdrawal for every channel: NULL, written as nothing.
        let every = try facts("after_withdrawal", consents: [R.grant(1, at: "2026-01-01"), R.withdraw(2, channel: nil, at: "2026-02-01")],
                              messages: [R.message(7, at: "2026-02-03")])
        #expect(every == ["event_id=2; event_action=withdraw; event_purpose=marketing; event_channel=; event_at=2026-02-01T00:00:00+03:00"])
    }

    @Test func expiredConsentCarriesTheExpiry() throws {
        let found = try facts("expired_consent", consents: [R.grant(1, at: "2026-01-01", expires: "2026-06-01 10:00")],
                              messages: [R.message(7, at: "2026-06-01 10:00")])
        #expect(found == ["event_id=1; event_action=grant; event_purpose=marketing; event_channel=email; "
                          + "event_at=2026-01-01T00:00:00+03:00; expires_at=2026-06-01T10:00:00+03:00"])
    }

    /// Issue 24 item 5: the deciding event is the grant in force at send time; the unsubscribing
    /// message and its time are the evidence.
    @Test func afterUnsubscribeIsDecidedByTheGrantInForce() throws {
        let db = try FixtureDB()
        try db.insert(rows: ["contacts": [R.contact()], "consents": [R.grant(1, at: "2025-12-01"), R.grant(4, channel: "sms", at: "2026-01-01")],
                             "messages": [R.message(10, at: "2026-03-01", unsubscribed: "2026-03-02 08:30"), R.message(11, at: "2026-03-10")]])
        let snapshot = try db.snapshot(asOf: "2026-11-23", timezone: "Europe/Moscow")
        let cfg = ReportConfig()
        let result = try #require(try AuditGating(cfg).consent(snapshot, config: cfg))
        let i = try #require(result.evidence.indices.first { result.evidence.check($0) == "after_unsubscribe" })
        let e = result.evidence[i]
        #expect(e.messageID == 11 && e.eventID == 1 && e.unsubscribeMessageID == 10)
        #expect(result.evidence.facts(i).csvText(zone: snapshot.zone) == "event_id=1; event_action=grant; event_purpose=marketing; event_channel=email; "
                + "event_at=2025-12-01T00:00:00+03:00; unsubscribe_message_id=10; unsubscribed_at=2026-03-02T08:30:00+03:00")
        let csv = FindingsCSV.consent(result, zone: snapshot.zone).text
        #expect(csv.contains("\r\nafter_unsubscribe,violation,11,1,,email,2026-03-10T00:00:00+03:00,1,event_id=1;"))
    }

    @Test func unrecordedUnsubscribeCarriesItsWindowAndTheLateWithdrawal() throws {
        let unsubscribed = R.message(10, at: "2026-03-01", unsubscribed: "2026-03-02 10:00")
        // Withdrawal 2 recorded two days later: the window (one day) closed at 3 Mar 10:00.
        let late = try facts("unrecorded_unsubscribe", consents: [R.grant(1, at: "2026-01-01"), R.withdraw(2, at: "2026-03-04 10:00")],
                             messages: [unsubscribed])
        #expect(late == ["unsubscribe_message_id=10; unsubscribed_at=2026-03-02T10:00:00+03:00; window_end=2026-03-03T10:00:00+03:00; "
                         + "late_withdrawal_event_id=2"])
        // None recorded at all; with grace 3 days the window is three days.
        let never = try facts("unrecorded_unsubscribe", config: ["consent.grace_days": "3"], consents: [R.grant(1, at: "2026-01-01")],
                              messages: [unsubscribed])
        #expect(never == ["unsubscribe_message_id=10; unsubscribed_at=2026-03-02T10:00:00+03:00; window_end=2026-03-05T10:00:00+03:00; "
                          + "late_withdrawal_event_id="])
    }

    @Test func minorCarriesTheBirthDateAndTheAgeAtTheGrant() throws {
        // Born 20 Mar 2012, granted 19 Mar 2026: 13 years old (the birthday is the next day), under 14.
        let found = try facts("minor", contacts: [R.contact(birth: "2012-03-20")], consents: [R.grant(1, at: "2026-03-19 23:30")])
        #expect(found == ["event_id=1; event_action=grant; event_purpose=marketing; event_channel=email; "
                          + "event_at=2026-03-19T23:30:00+03:00; birth_date=2012-03-20; age_at_grant=13"])
    }

    @Test func notErasedCarriesTheDeadlineItMissed() throws {
        // Withdrawn 14 Oct 2026 12:00; erasure 30 days: due by 13 Nov 12:00, before the as-of moment.
        let found = try facts("not_erased", consents: [R.grant(1, "processing", channel: nil, at: "2025-01-01"),
                                                       R.withdraw(2, "processing", channel: nil, at: "2026-10-14 12:00")])
        #expect(found == ["event_id=2; event_action=withdraw; event_purpose=processing; event_channel=; "
                          + "event_at=2026-10-14T12:00:00+03:00; erasure_deadline=2026-11-13T12:00:00+03:00"])
        let ten = try facts("not_erased", config: ["consent.erasure_days": "10"],
                            consents: [R.withdraw(2, "processing", channel: nil, at: "2026-11-01")])
        #expect(ten == ["event_id=2; event_action=withdraw; event_purpose=processing; event_channel=; "
                        + "event_at=2026-11-01T00:00:00+03:00; erasure_deadline=2026-11-11T00:00:00+03:00"])
    }

    @Test func oldConsentCarriesTheGrantsAgeInDays() throws {
        // 1 Jan 2024 to 23 Nov 2026: 366 + 365 + 326 days = 1,057.
        let found = try facts("old_consent", consents: [R.grant(1, at: "2024-01-01")])
        #expect(found == ["event_id=1; event_action=grant; event_purpose=marketing; event_channel=email; "
                          + "event_at=2024-01-01T00:00:00+03:00; grant_age_days=1057"])
    }

    @Test func missingEvidenceSaysWhichIsMissing() throws {
        let found = try facts("missing_evidence", contacts: [R.contact(1), R.contact(2), R.contact(3)],
                              consents: [R.grant(1, contact: 1, at: "2026-01-01", evidence: nil),
                                         R.grant(2, contact: 2, "processing", channel: nil, at: "2026-01-01", source: nil),
                                         R.grant(3, contact: 3, channel: "sms", at: "2026-01-01", source: nil, evidence: nil)])
        #expect(found.map { $0.components(separatedBy: "; ").last } == ["missing=evidence", "missing=source", "missing=both"])
        #expect(found[1].hasPrefix("event_id=2; event_action=grant; event_purpose=processing; event_channel=; "))
    }

    @Test func noProcessingConsentNamesTheLatestProcessingEventIfAny() throws {
        let expired = try facts("no_processing_consent", consents: [R.grant(1, "processing", channel: nil, at: "2025-01-01", expires: "2026-01-01")])
        #expect(expired == ["event_id=1; event_action=grant; event_purpose=processing; event_channel=; "
                            + "event_at=2025-01-01T00:00:00+03:00; expires_at=2026-01-01T00:00:00+03:00"])
        let never = try facts("no_processing_consent")
        #expect(never == ["event_id=; event_action=; event_purpose=; event_channel=; event_at=; expires_at="])
    }

    @Test func everyCheckListsItsFactsByTheContractsNames() {
        let names = Set(EvidenceFact.Name.allCases.map(\.rawValue))
        #expect(names == ["deleted_at", "event_id", "event_action", "event_purpose", "event_channel", "event_at", "expires_at",
                          "unsubscribe_message_id", "unsubscribed_at", "window_end", "late_withdrawal_event_id", "birth_date",
                          "age_at_grant", "erasure_deadline", "grant_age_days", "missing"])
        #expect(ConsentChecks.evidence.count == ConsentChecks.all.count)
    }
}
