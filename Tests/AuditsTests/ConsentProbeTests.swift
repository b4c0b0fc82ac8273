import CRMData
import Testing
import TestSupport
@testable import Audits

/// `ConsentProbe`: what `crm-report contact` and `crm-report suppression` ask of the consent audit.
@Suite("Consent probe")
struct ConsentProbeTests {
    /// On every example database of every consent check, the probe's judgement of each message is
    /// the audit's own finding for it (the same pass, not a second implementation).
    @Test func messageJudgementsAreTheAuditsFindings() throws {
        for check in ConsentChecks.all {
            for example in check.description.failing + check.description.passing {
                let c = try ConsentCase(example)
                let probe = try #require(ConsentProbe(snapshot: c.snapshot, config: c.config))
                var judged: [ConsentCase.Row] = []
                for k in 0..<c.snapshot.contacts.count {
                    for j in probe.messages(contact: k) {
                        guard let found = j.check else { continue }
                        judged.append(ConsentCase.Row(check: found, message: c.snapshot.messages?.id[Int(j.message)],
                                                      contact: c.snapshot.contacts.id[k],
                                                      event: j.decidingEvent >= 0 && found != "no_consent" && found != "to_deleted"
                                                        ? c.snapshot.consents?.id[Int(j.decidingEvent)] : nil))
                    }
                }
                let expected = c.messageFindings
                #expect(judged.sorted { $0.description < $1.description } == expected.sorted { $0.description < $1.description },
                        "\(check.description.identifier)")
            }
        }
    }

    /// A re-grant after a withdrawal for every channel decides e-mail again; sms stays withdrawn.
    @Test func statesAtEachMessage() throws {
        let c = try ConsentCase(consents: [R.grant(1, channel: nil, at: "2026-03-01"), R.withdraw(2, channel: nil, at: "2026-03-04"),
                                           R.grant(3, at: "2026-03-10")],
                                messages: [R.message(10, at: "2026-03-02"), R.message(11, at: "2026-03-06"), R.message(12, at: "2026-03-12"),
                                           R.message(13, channel: "sms", at: "2026-03-12"),
                                           R.message(14, channel: "sms", "transactional", at: "2026-03-13")])
        let probe = try #require(ConsentProbe(snapshot: c.snapshot, config: c.config))
        let ids = c.snapshot.consents?.id ?? []
        let got = probe.messages(contact: 0).map { j in
            "\(j.state.rawValue) \(j.decidingEvent >= 0 ? ids[Int(j.decidingEvent)] : 0) \(j.check ?? "-")"
        }
        #expect(got == ["granted 1 -", "withdrawn 2 after_withdrawal", "granted 3 -", "withdrawn 2 after_withdrawal", "transactional 0 -"])
    }

    /// A message probed at the as-of moment, with consent.grace_days 2: a withdrawal exactly two days
    /// before A is in force (after_withdrawal), one a day before is still within its grace.
    @Test func marketingNowAtTheGraceBoundary() throws {
        let c = try ConsentCase(config: ["consent.grace_days": "2"],
                                contacts: [R.contact(1), R.contact(2, email: "b@example.com")],
                                consents: [R.grant(1, at: "2026-01-01"), R.withdraw(2, at: "2026-11-21"),
                                           R.grant(3, contact: 2, at: "2026-01-01"), R.withdraw(4, contact: 2, at: "2026-11-22")])
        let probe = try #require(ConsentProbe(snapshot: c.snapshot, config: c.config))
        #expect(probe.marketingNow(contact: 0, channel: .email).check == "after_withdrawal")
        #expect(probe.marketingNow(contact: 1, channel: .email).check == nil)
        #expect(probe.marketingNow(contact: 1, channel: .email).state == .withdrawn)
        #expect(probe.marketingNow(contact: 0, channel: .sms).check == "no_consent")
    }
}
