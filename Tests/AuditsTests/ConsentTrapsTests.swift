import CRMData
import Testing
@testable import Audits

typealias Row = ConsentCase.Row

/// The traps of issue 10, each with hand-computed findings.
@Suite struct ConsentTrapsTests {
    let grant = R.grant(1, at: "2026-01-01")

    @Test("a message at the very instant of a withdrawal: a violation with grace 0, none with grace 1 day")
    func messageAtTheWithdrawalInstant() throws {
        let consents = [grant, R.withdraw(2, at: "2026-02-01 12:00")]
        let messages = [R.message(10, at: "2026-02-01 12:00")]
        let strict = try ConsentCase(consents: consents, messages: messages)
        #expect(strict.messageFindings == [Row(check: "after_withdrawal", message: 10, event: 2)])
        let lenient = try ConsentCase(config: ["consent.grace_days": "1"], consents: consents, messages: messages)
        #expect(lenient.messageFindings == [])
        // One day later is past the grace day: a violation again, at the very instant.
        let later = try ConsentCase(config: ["consent.grace_days": "1"], consents: consents,
                                    messages: [R.message(10, at: "2026-02-02 11:59:59"), R.message(11, at: "2026-02-02 12:00")])
        #expect(later.messageFindings == [Row(check: "after_withdrawal", message: 11, event: 2)])
    }

    @Test("a NULL-channel withdrawal overrides a channel grant; a later channel grant overrides it for that channel only")
    func nullChannelWithdrawal() throws {
        let run = try ConsentCase(
            consents: [R.grant(1, channel: "email", at: "2026-01-01"), R.grant(2, channel: "sms", at: "2026-01-01"),
                       R.withdraw(3, channel: nil, at: "2026-02-01"), R.grant(4, channel: "sms", at: "2026-03-01")],
            messages: [R.message(10, channel: "email", at: "2026-03-05"), R.message(11, channel: "sms", at: "2026-03-05"),
                       R.message(12, channel: "sms", at: "2026-02-15")])
        #expect(run.messageFindings == [Row(check: "after_withdrawal", message: 10, event: 3),
                                        Row(check: "after_withdrawal", message: 12, event: 3)])
    }

    @Test("a grant expiring exactly at the send time has expired; one second later than the send it has not")
    func expiryAtSendTime() throws {
        let run = try ConsentCase(
            contacts: [R.contact(1), R.contact(2)],
            consents: [R.grant(1, contact: 1, at: "2026-01-01", expires: "2026-06-01 10:00:00"),
                       R.grant(2, contact: 2, at: "2026-01-01", expires: "2026-06-01 10:00:01")],
            messages: [R.message(10, contact: 1, at: "2026-06-01 10:00"), R.message(11, contact: 2, at: "2026-06-01 10:00")])
        #expect(run.messageFindings == [Row(check: "expired_consent", message: 10, contact: 1, event: 1)])
    }

    @Test("a re-grant after an unsubscribe clears it; a grant for another channel does not")
    func regrantAfterUnsubscribe() throws {
        let unsubscribed = R.message(10, at: "2026-03-01", unsubscribed: "2026-03-02")
        let cleared = try ConsentCase(consents: [grant, R.grant(2, at: "2026-03-05")],
                                      messages: [unsubscribed, R.message(11, at: "2026-03-10")])
        #expect(cleared.messageFindings == [])
        let other = try ConsentCase(consents: [grant, R.grant(2, channel: "sms", at: "2026-03-05")],
                                    messages: [unsubscribed, R.message(11, at: "2026-03-10"), R.message(12, channel: "sms", at: "2026-03-10")])
        // Decided by the e-mail grant in force at send time (1), the sms grant 2 aside; the unsubscribe is its evidence.
        #expect(other.messageFindings == [Row(check: "after_unsubscribe", message: 11, event: 1)])
        let f = try #require(other.findings("after_unsubscribe").first)
        #expect(other.snapshot.messages?.id[Int(f.unsubscribeMessage)] == 10)
        // A message before the unsubscribe, and the unsubscribing message itself, are fine.
        let before = try ConsentCase(consents: [grant], messages: [R.message(9, at: "2026-02-01"), unsubscribed])
        #expect(before.messageFindings == [])
    }

    @Test("after_unsubscribe waits for the grace days past the unsubscribe")
    func unsubscribeGrace() throws {
        let run = try ConsentCase(config: ["consent.grace_days": "10"], consents: [grant],
                                  messages: [R.message(10, at: "2026-03-01", unsubscribed: "2026-03-02"),
                                             R.message(11, at: "2026-03-11 23:59"), R.message(12, at: "2026-03-12")])
        #expect(run.messageFindings == [Row(check: "after_unsubscribe", message: 12, event: 1)])
    }

    @Test("a withdrawal recorded 2 hours after an unsubscribe is in time, 2 days after is not")
    func unrecordedUnsubscribe() throws {
        let unsubscribed = R.message(10, at: "2026-03-01", unsubscribed: "2026-03-02 10:00")
        let twoHours = try ConsentCase(consents: [grant, R.withdraw(2, at: "2026-03-02 12:00")], messages: [unsubscribed])
        #expect(twoHours.findings("unrecorded_unsubscribe").isEmpty)
        let twoDays = try ConsentCase(consents: [grant, R.withdraw(2, at: "2026-03-04 10:00")], messages: [unsubscribed])
        #expect(twoDays.findings("unrecorded_unsubscribe").map(twoDays.row) == [Row(check: "unrecorded_unsubscribe", message: 10)])
        // A withdrawal for another channel does not record it; one for every channel does.
        let sms = try ConsentCase(consents: [grant, R.withdraw(2, channel: "sms", at: "2026-03-02 12:00")], messages: [unsubscribed])
        #expect(sms.findings("unrecorded_unsubscribe").count == 1)
        // With grace 3 days the window is 3 days: 2 days is in time.
        let grace = try ConsentCase(config: ["consent.grace_days": "3"], consents: [grant, R.withdraw(2, at: "2026-03-04 10:00")],
                                    messages: [unsubscribed])
        #expect(grace.findings("unrecorded_unsubscribe").isEmpty)
        // An unsubscribe whose window has not closed by the as-of moment is not judged yet.
        let recent = try ConsentCase(consents: [grant], messages: [R.message(10, at: "2026-11-22", unsubscribed: "2026-11-22 10:00")])
        #expect(recent.findings("unrecorded_unsubscribe").isEmpty && recent.audit.judged["unrecorded_unsubscribe"] == 0)
    }

    @Test("a transactional message after a withdrawal needs no marketing consent")
    func transactionalAfterWithdrawal() throws {
        let run = try ConsentCase(consents: [grant, R.withdraw(2, at: "2026-02-01")],
                                  messages: [R.message(10, "transactional", at: "2026-02-03"), R.message(11, "transactional", at: "2026-02-04")])
        #expect(run.messageFindings == [])
        #expect(run.audit.judged["no_consent"] == 0 && run.audit.judged["to_deleted"] == 2)
    }

    @Test("messages to a deleted contact: to_deleted first, for any purpose; the contact is out of the contact- and grant-level checks")
    func deletedContact() throws {
        let run = try ConsentCase(
            contacts: [R.contact(1, deleted: "2026-10-01 09:00")],
            consents: [R.grant(1, at: "2026-01-01", evidence: nil), R.withdraw(2, "processing", channel: nil, at: "2026-02-01")],
            messages: [R.message(10, at: "2026-09-30"), R.message(11, at: "2026-10-01 09:00"), R.message(12, "transactional", at: "2026-10-05"),
                       R.message(13, channel: "sms", at: "2026-10-06")])
        #expect(run.messageFindings == [Row(check: "to_deleted", message: 11), Row(check: "to_deleted", message: 12),
                                        Row(check: "to_deleted", message: 13)])
        #expect(run.findings("missing_evidence").isEmpty && run.findings("not_erased").isEmpty && run.findings("no_processing_consent").isEmpty)
        // Deleted at or after the as-of moment: not deleted yet.
        let later = try ConsentCase(contacts: [R.contact(1, deleted: "2026-11-23")], consents: [grant],
                                    messages: [R.message(10, at: "2026-11-01")])
        #expect(later.messageFindings == [])
    }

    @Test("events at or after the as-of moment did not happen yet")
    func eventsAfterAsOf() throws {
        let run = try ConsentCase(
            asOf: "2026-03-01",
            consents: [R.grant(1, at: "2026-01-01"), R.withdraw(2, at: "2026-03-01"), R.grant(3, channel: "sms", at: "2026-03-02")],
            messages: [R.message(10, at: "2026-02-27"), R.message(11, channel: "sms", at: "2026-02-28"),
                       R.message(12, at: "2026-03-05"), R.message(13, at: "2026-02-20", unsubscribed: "2026-03-01")])
        #expect(run.snapshot.consents?.count == 1 && run.snapshot.messages?.count == 3)
        #expect(run.messageFindings == [Row(check: "no_consent", message: 11)])
        #expect(run.findings("unrecorded_unsubscribe").isEmpty)
    }

    @Test("minors: the age at the grant counts, in whole years at the grant's local date")
    func minors() throws {
        let run = try ConsentCase(
            contacts: [R.contact(1, birth: "2012-06-15"), R.contact(2, birth: "2000-01-01"), R.contact(3, birth: "15.06.2012"),
                       R.contact(4, birth: nil), R.contact(5, birth: "2030-01-01")],
            consents: [R.grant(1, contact: 1, at: "2026-06-14 23:00"),       // 13, a day before 14
                       R.grant(2, contact: 1, at: "2026-06-15 00:00"),       // 14
                       R.grant(3, contact: 1, "processing", channel: nil, at: "2020-01-01"), // not marketing
                       R.grant(4, contact: 2, at: "2010-01-01"),             // 10 then, an adult now
                       R.grant(5, contact: 3, at: "2020-01-01"), R.grant(6, contact: 4, at: "2020-01-01"),
                       R.grant(7, contact: 5, at: "2020-01-01")])             // born after the grant: no age
        #expect(run.findings("minor").map(run.row) == [Row(check: "minor", contact: 1, event: 1), Row(check: "minor", contact: 2, event: 4)])
        #expect(run.audit.judged["minor"] == 6)
        // In Moscow, 2026-06-14 23:00 UTC is already the 15th: fourteen.
        let moscow = try ConsentCase(Example(contacts: [R.contact(1, birth: "2012-06-15")],
                                             consents: [R.grant(1, at: "2026-06-14T21:30:00Z")]), timezone: "Europe/Moscow")
        #expect(moscow.findings("minor").isEmpty)
        let consent = try ConsentCase(config: ["consent.min_age": "16"], contacts: [R.contact(1, birth: "2012-06-15")],
                                      consents: [R.grant(1, at: "2026-06-15")])
        #expect(consent.findings("minor").count == 1)
    }

    @Test("not_erased at 20, 30 and 40 days after a processing withdrawal", arguments: [(20, 0), (30, 0), (40, 1)])
    func notErased(days: Int, expected: Int) throws {
        let at = ["2026-11-03", "2026-10-24", "2026-10-14"][days / 10 - 2]
        let run = try ConsentCase(consents: [R.grant(1, "processing", channel: nil, at: "2025-01-01"),
                                             R.withdraw(2, "processing", channel: "sms", at: at)])
        #expect(run.findings("not_erased").map(run.row) == Array(repeating: Row(check: "not_erased", event: 2), count: expected))
        // The withdrawal also leaves the contact without an active processing grant.
        #expect(run.findings("no_processing_consent").map(run.row) == [Row(check: "no_processing_consent", event: 2)])
    }

    @Test("a withdrawal with no earlier grant is no_consent, not after_withdrawal")
    func withdrawalWithoutGrant() throws {
        let run = try ConsentCase(consents: [R.withdraw(1, at: "2026-01-01"), R.grant(2, at: "2026-03-01")],
                                  messages: [R.message(10, at: "2026-02-01"), R.message(11, at: "2026-03-02")])
        #expect(run.messageFindings == [Row(check: "no_consent", message: 10)])
    }

    @Test("equal timestamps: a withdrawal wins over a grant; between equal actions the larger id")
    func equalTimestamps() throws {
        let tie = try ConsentCase(consents: [R.withdraw(1, at: "2026-02-01 12:00"), R.grant(2, at: "2026-02-01 12:00"), R.grant(3, at: "2026-01-01")],
                                  messages: [R.message(10, at: "2026-02-01 12:00")])
        #expect(tie.messageFindings == [Row(check: "after_withdrawal", message: 10, event: 1)])
        // Two grants at one instant: the larger id decides (here, the one with a term that has ended).
        let larger = try ConsentCase(consents: [R.grant(1, at: "2026-01-01"), R.grant(2, at: "2026-01-01", expires: "2026-02-01")],
                                     messages: [R.message(10, at: "2026-03-01")])
        #expect(larger.messageFindings == [Row(check: "expired_consent", message: 10, event: 2)])
        let smaller = try ConsentCase(consents: [R.grant(2, at: "2026-01-01"), R.grant(1, at: "2026-01-01", expires: "2026-02-01")],
                                      messages: [R.message(10, at: "2026-03-01")])
        #expect(smaller.messageFindings == [])
        // Rows stored out of time order are read in time order.
        let shuffled = try ConsentCase(consents: [R.withdraw(5, at: "2026-02-01"), R.grant(9, at: "2026-01-01")],
                                       messages: [R.message(12, at: "2026-02-10"), R.message(11, at: "2026-01-10")])
        #expect(shuffled.messageFindings == [Row(check: "after_withdrawal", message: 12, event: 5)])
    }

    @Test("one finding per message, in the order of metrics.md")
    func precedence() throws {
        // Withdrawn, expired before, and unsubscribed: after_withdrawal comes first.
        let run = try ConsentCase(consents: [R.grant(1, at: "2026-01-01", expires: "2026-01-15"), R.withdraw(2, at: "2026-02-01")],
                                  messages: [R.message(10, at: "2026-01-10", unsubscribed: "2026-01-10 08:00"), R.message(11, at: "2026-02-10")])
        #expect(run.messageFindings == [Row(check: "after_withdrawal", message: 11, event: 2)])
        // Expired and unsubscribed: expired_consent.
        let expired = try ConsentCase(consents: [R.grant(1, at: "2026-01-01", expires: "2026-01-15")],
                                      messages: [R.message(10, at: "2026-01-10", unsubscribed: "2026-01-10 08:00"), R.message(11, at: "2026-02-10")])
        #expect(expired.messageFindings == [Row(check: "expired_consent", message: 11, event: 1)])
    }

    @Test("processing consent is read across channels; the contact-level checks need personal data or a withdrawal")
    func processing() throws {
        let run = try ConsentCase(
            contacts: [R.contact(1), R.contact(2), R.contact(3), R.contact(4, name: nil, email: nil)],
            consents: [R.grant(1, contact: 1, "processing", channel: "email", at: "2025-01-01"),
                       R.grant(2, contact: 2, "processing", channel: nil, at: "2025-01-01", expires: "2026-11-01"),
                       R.grant(3, contact: 3, "marketing", channel: nil, at: "2025-01-01")])
        #expect(run.findings("no_processing_consent").map(run.row) == [Row(check: "no_processing_consent", contact: 2, event: 2),
                                                                       Row(check: "no_processing_consent", contact: 3)])
        #expect(run.audit.judged["no_processing_consent"] == 3 && run.audit.judged["not_erased"] == 4)
    }

    @Test("old_consent: only active marketing grants older than the re-confirmation period, once each")
    func oldConsent() throws {
        let run = try ConsentCase(config: ["consent.reconfirm_days": "365"], consents: [
            R.grant(1, channel: nil, at: "2025-01-01"),                 // decides every channel: one finding
            R.grant(2, channel: "sms", at: "2024-01-01"),               // overridden by grant 1
            R.grant(3, contact: 1, "processing", channel: nil, at: "2020-01-01"),
            R.grant(4, channel: "push", at: "2025-11-23"),              // exactly 365 days: not older
        ])
        #expect(run.findings("old_consent").map(run.row) == [Row(check: "old_consent", event: 1)])
        #expect(run.audit.judged["old_consent"] == 2)
    }
}
