import CRMData
import Formatting
import Testing
@testable import Audits

@Suite struct GatingTests {
    static func day(_ s: String) -> Int { CivilDate.parse(s) ?? 0 }

    // MARK: Thresholds in the config

    @Test func thresholdsAreACountOrAShare() throws {
        var c = ReportConfig()
        try ConfigFile.apply(yaml: """
            consent: {thresholds: {no_consent: 3, old_consent: 0.05, minor: 0}}
            stale: {thresholds: {dormant: 0.2, duplicate: 10}}
            """, to: &c)
        #expect(c.consentThresholds == ["no_consent": .count(3), "old_consent": .share(0.05), "minor": .count(0)])
        #expect(c.staleThresholds == ["dormant": .share(0.2), "duplicate": .count(10)])
        #expect(c.canonicalText.contains("consent.thresholds: {minor: 0, no_consent: 3, old_consent: 0.05}\n"))
        #expect(c.canonicalText.contains("stale.thresholds: {dormant: 0.2, duplicate: 10}\n"))
        #expect(!ReportConfig().canonicalText.contains("stale.thresholds"))
    }

    @Test("a bad threshold is an error naming the key", arguments: [
        ("consent: {thresholds: {no_consent: 1.5}}", "consent.thresholds.no_consent"),
        ("consent: {thresholds: {no_consent: -2}}", "consent.thresholds.no_consent"),
        ("consent: {thresholds: {no_consent: lots}}", "consent.thresholds.no_consent"),
        ("consent: {thresholds: {no_consent: [1]}}", "consent.thresholds.no_consent"),
        ("stale: {thresholds: {dormant: 1.0}}", "stale.thresholds.dormant"),
        ("stale: {tresholds: {dormant: 1}}", "stale.tresholds"),
    ])
    func badThreshold(yaml: String, key: String) {
        var c = ReportConfig()
        #expect { try ConfigFile.apply(yaml: yaml, to: &c) } throws: { ($0 as? CRMError)?.message.contains(key) == true }
    }

    @Test func thresholdIsReachedAtOrAboveIt() {
        #expect(!Threshold.count(3).isReached(count: 2, judged: 100))
        #expect(Threshold.count(3).isReached(count: 3, judged: 100))
        #expect(!Threshold.count(0).isReached(count: 0, judged: 100))
        #expect(Threshold.count(0).isReached(count: 1, judged: 100))
        #expect(!Threshold.share(0.01).isReached(count: 9, judged: 1000))
        #expect(Threshold.share(0.01).isReached(count: 10, judged: 1000))
        #expect(!Threshold.share(0.01).isReached(count: 0, judged: 0))
    }

    // MARK: Severity overrides and unknown checks

    @Test func severityOverrides() throws {
        let c = try ReportConfig.with(["consent.severity": "{no_consent: warning, old_consent: violation}"])
        let policy = try GatePolicy.consent(c)
        #expect(policy.severity(of: "no_consent") == .warning && policy.severity(of: "old_consent") == .violation)
        #expect(policy.severity(of: "not_erased") == .violation && policy.severity(of: "minor") == .warning)
    }

    @Test("a setting for a check the audit does not have is an error naming it", arguments: [
        (["consent.severity": "{no_consnt: info}"], "consent.severity.no_consnt"),
        (["consent.thresholds": "{nope: 3}"], "consent.thresholds.nope"),
        (["consent.skip": "[no_consent, after_withdrawl]"], "consent.skip.after_withdrawl"),
    ])
    func unknownCheck(settings: [String: String], key: String) throws {
        let c = try ReportConfig.with(settings)
        #expect { try GatePolicy.consent(c) } throws: { ($0 as? CRMError)?.message.contains(key) == true }
    }

    // MARK: The gate

    static let findings = [Finding(check: "no_consent", contact: 0, message: 1), Finding(check: "no_consent", contact: 0, message: 2),
                           Finding(check: "minor", contact: 3, decidingEvent: 4), Finding(check: "old_consent", contact: 3, decidingEvent: 5)]
    static let judged = ["no_consent": 200, "minor": 10, "old_consent": 50, "to_deleted": 300]

    @Test func gateFailsOnViolationAndOnWarning() throws {
        let policy = try GatePolicy.consent(ReportConfig())
        let violation = Gate.evaluate(findings: Self.findings, judged: Self.judged, policy: policy, failOn: .violation)
        #expect(violation.mustFail && violation.failing.map(\.check) == ["no_consent"] && violation.failing.first?.count == 2)
        #expect(violation.summary == "fail-on violation: no_consent (2)")
        let warning = Gate.evaluate(findings: Self.findings, judged: Self.judged, policy: policy, failOn: .warning)
        #expect(warning.failing.map(\.check) == ["minor", "no_consent"])   // old_consent is info
        let clean = Gate.evaluate(findings: [], judged: Self.judged, policy: policy, failOn: .warning)
        #expect(!clean.mustFail && clean.summary == "fail-on warning: passed")
        let tallies = Gate.tallies(findings: Self.findings, judged: Self.judged, policy: policy)
        #expect(tallies.map(\.check) == ["minor", "no_consent", "old_consent", "to_deleted"])
        #expect(tallies.map(\.count) == [1, 2, 1, 0] && tallies.map(\.judged) == [10, 200, 50, 300])
    }

    @Test("thresholds: a count, and a share of what the check judged", arguments: [
        ("{no_consent: 2}", true), ("{no_consent: 3}", false),
        ("{no_consent: 0.01}", true), ("{no_consent: 0.011}", false),
    ])
    func thresholds(yaml: String, fails: Bool) throws {
        let policy = try GatePolicy.consent(try ReportConfig.with(["consent.thresholds": yaml]))
        let outcome = Gate.evaluate(findings: Self.findings, judged: Self.judged, policy: policy, failOn: .violation)
        #expect(outcome.mustFail == fails)
    }

    @Test func severityOverrideChangesTheGate() throws {
        let policy = try GatePolicy.consent(try ReportConfig.with(["consent.severity": "{no_consent: warning, minor: info}"]))
        #expect(!Gate.evaluate(findings: Self.findings, judged: Self.judged, policy: policy, failOn: .violation).mustFail)
        #expect(Gate.evaluate(findings: Self.findings, judged: Self.judged, policy: policy, failOn: .warning).failing.map(\.check) == ["no_consent"])
    }

    @Test func bothAuditsGateAsOne() throws {
        let consent = try GatePolicy.consent(ReportConfig())
        let stale = try GatePolicy(checks: [CheckDescription(identifier: "bounced", name: Bilingual(en: "Bounced", ru: "Отказ"),
                                                             severity: .warning, basis: "", summary: Bilingual(en: "", ru: ""),
                                                             action: Bilingual(en: "", ru: ""), failing: [], passing: [])],
                                   severity: ["bounced": "violation"], section: "stale")
        let policy = consent.merging(stale)
        let outcome = Gate.evaluate(findings: [Finding(check: "bounced", contact: 7)], judged: ["bounced": 10], policy: policy, failOn: .violation)
        #expect(outcome.failing.map(\.check) == ["bounced"])
        let a = GateOutcome(failOn: .warning, failing: [])
        #expect(a.merging(outcome).mustFail)
    }

    // MARK: Waivers

    static let waiverYAML = """
        # accepted findings
        - key: after_withdrawal:message:1234
          reason: Withdrawal keyed in late by the call centre
          accepted_by: I. Petrova, DPO
          expires: 2027-01-31
        - key: not_erased:contact:77
          reason: "Court hold: must keep the record"
          accepted_by: Legal
          expires: 2026-11-22
        - {key: "missing_evidence:consent:9", reason: Paper form in the archive, accepted_by: DPO, expires: 2026-11-23}
        """

    @Test func waiverFileParses() throws {
        let waivers = try WaiverFile.parse(yaml: Self.waiverYAML, source: "waivers.yml")
        #expect(waivers.map(\.key) == [FindingKey(check: "after_withdrawal", subject: .message, id: 1234),
                                       FindingKey(check: "not_erased", subject: .contact, id: 77),
                                       FindingKey(check: "missing_evidence", subject: .consent, id: 9)])
        #expect(waivers.map(\.line) == [2, 6, 10])
        #expect(waivers[0].reason == "Withdrawal keyed in late by the call centre" && waivers[0].acceptedBy == "I. Petrova, DPO")
        #expect(waivers.map(\.expiresLabel) == ["2027-01-31", "2026-11-22", "2026-11-23"])
        #expect(try WaiverFile.parse(yaml: "", source: "empty.yml") == [])
    }

    @Test("a malformed waiver file is an error naming the file and the line", arguments: [
        ("- key: no_consent:message:1\n  reason: r\n  accepted_by: a\n  expires: 2026-13-01\n", "w.yml: line 1: expires"),
        ("- key: no_consent:message:1\n  reason: r\n  accepted_by: a\n  expires: 2027-01-01\n- key: no_consent:msg:2\n  reason: r\n  accepted_by: a\n  expires: 2027-01-01\n",
         "w.yml: line 5: key 'no_consent:msg:2'"),
        ("- key: no_consent:message:1\n  reason: r\n  expires: 2027-01-01\n", "w.yml: line 1: missing field 'accepted_by'"),
        ("- key: no_consent:message:1\n  reason: r\n  accepted_by: a\n  expires: 2027-01-01\n  approved: yes\n", "w.yml: line 5: unknown field 'approved'"),
        ("- key: no_consent:message:1\n  reason: r\n  accepted_by: a\n  expires: 2027-01-01\n- key: no_consent:message:1\n  reason: r\n  accepted_by: b\n  expires: 2027-01-01\n",
         "w.yml: line 5: key no_consent:message:1 is already waived on line 1"),
        ("key: no_consent:message:1\n", "w.yml: line 1: expected a list"),
        ("- key: no_consent:message:1\n  reason: [a\n", "w.yml: not valid YAML: line 3"),
        ("- key: no_consent:message:1\n  reason:\n  accepted_by: a\n  expires: 2027-01-01\n", "w.yml: line 2: reason: expected text"),
    ])
    func malformedWaiverFile(yaml: String, message: String) {
        #expect { try WaiverFile.parse(yaml: yaml, source: "w.yml") } throws: { error in
            let text = (error as? CRMError)?.message ?? ""
            return text.hasPrefix(message) && !text.contains("\n")
        }
    }

    @Test func missingWaiverFileIsAnError() {
        #expect { try WaiverFile.load(path: "/nonexistent/waivers.yml") } throws: {
            ($0 as? CRMError)?.message.contains("/nonexistent/waivers.yml") == true
        }
    }

    @Test func waiversActiveExpiredAndMatchingNothing() throws {
        let waivers = try WaiverFile.parse(yaml: Self.waiverYAML)
        let keys = [FindingKey(check: "not_erased", subject: .contact, id: 77), FindingKey(check: "missing_evidence", subject: .consent, id: 9),
                    FindingKey(check: "no_consent", subject: .message, id: 5)]
        let match = WaiverMatch(keys: keys, waivers: waivers, asOfDay: Self.day("2026-11-23"))
        // not_erased's waiver expired on 2026-11-22; missing_evidence's applies through its expiry day.
        #expect(match.waiverOf == [-1, 2, -1])
        #expect(match.waiver(1)?.reason == "Paper form in the archive" && match.waiver(0) == nil)
        #expect(match.expired.map(\.key.description) == ["not_erased:contact:77"])
        #expect(match.unmatched.map(\.key.description) == ["after_withdrawal:message:1234"])
        let later = WaiverMatch(keys: keys, waivers: waivers, asOfDay: Self.day("2026-11-24"))
        #expect(later.waiverOf == [-1, -1, -1] && later.expired.count == 2)
    }

    @Test func findingKeysParseAndPrint() {
        #expect(FindingKey(parsing: "after_withdrawal:message:1234")?.description == "after_withdrawal:message:1234")
        for bad in ["after_withdrawal:message", "after_withdrawal:mail:1", ":message:1", "x:message:1a", "X:contact:1", "a:contact:1:2"] {
            #expect(FindingKey(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func waivedFindingsNeverFailTheRun() throws {
        let example = Example(consents: [R.grant(1, at: "2026-01-01"), R.withdraw(2, at: "2026-02-01")],
                              messages: [R.message(10, at: "2026-03-01")])
        let waiver = Waiver(key: FindingKey(check: "after_withdrawal", subject: .message, id: 10), reason: "Accepted", acceptedBy: "DPO",
                            expires: Self.day("2026-12-01"))
        let open = try ConsentCase(example)
        #expect(open.audit.gate(failOn: .violation).failing.map(\.check) == ["after_withdrawal", "no_processing_consent"])
        let waived = try ConsentCase(example, waivers: [waiver])
        #expect(waived.audit.gate(failOn: .violation).failing.map(\.check) == ["no_processing_consent"])
        #expect(waived.audit.waived == 1 && waived.audit.violations == 1 && waived.audit.counts["after_withdrawal"] == 0)
        #expect(waived.audit.waivedCounts["after_withdrawal"] == 1)
        let expired = try ConsentCase(example, waivers: [Waiver(key: waiver.key, reason: "", acceptedBy: "", expires: Self.day("2026-11-22"))])
        #expect(expired.audit.waived == 0 && expired.audit.waivers.expired.count == 1)
        #expect(expired.audit.gate(failOn: .violation).failing.map(\.check) == ["after_withdrawal", "no_processing_consent"])
    }

    // MARK: Issue 22: unknown checks in the waiver file, skips, expired waivers marked

    static let subjects: [String: FindingKey.Subject] = ConsentChecks.subjects.merging(["dormant": .contact]) { a, _ in a }

    @Test("a waiver for a check the tool does not know, or keyed by the wrong subject, is an error naming it", arguments: [
        ("- {key: \"after_withdrawl:message:1\", reason: r, accepted_by: a, expires: 2027-01-01}",
         "w.yml: line 1: key after_withdrawl:message:1: unknown check 'after_withdrawl'"),
        ("- {key: \"no_consent:contact:5\", reason: r, accepted_by: a, expires: 2027-01-01}",
         "w.yml: line 1: key no_consent:contact:5: no_consent findings are keyed by message"),
        ("- {key: \"dormant:message:5\", reason: r, accepted_by: a, expires: 2027-01-01}",
         "w.yml: line 1: key dormant:message:5: dormant findings are keyed by contact"),
    ])
    func unknownCheckInAWaiver(yaml: String, message: String) throws {
        let waivers = try WaiverFile.parse(yaml: yaml, source: "w.yml")
        #expect { try WaiverFile.checkKeys(waivers, subjects: Self.subjects, source: "w.yml") } throws: {
            ($0 as? CRMError)?.message.hasPrefix(message) == true
        }
        let fine = try WaiverFile.parse(yaml: "- {key: \"dormant:contact:5\", reason: r, accepted_by: a, expires: 2027-01-01}")
        try WaiverFile.checkKeys(fine, subjects: Self.subjects, source: "w.yml")
    }

    @Test func skipParsesAndIsHashedOnlyWhenSet() throws {
        var c = ReportConfig()
        try ConfigFile.apply(yaml: "consent: {skip: [no_consent, to_deleted, no_consent]}\nstale: {skip: [bounced]}", to: &c)
        #expect(c.consentSkip == ["no_consent", "to_deleted"] && c.staleSkip == ["bounced"])
        #expect(c.canonicalText.contains("consent.skip: [no_consent, to_deleted]\n") && c.canonicalText.contains("stale.skip: [bounced]\n"))
        #expect(!ReportConfig().canonicalText.contains("skip"))
        #expect(try GatePolicy.consent(c).skips == ["no_consent", "to_deleted"])
    }

    @Test func aCheckNotRunFailsTheGateUnlessSkippedOrBelowIt() {
        let notRun = CheckTally(check: "no_consent", severity: .violation, count: 0, judged: 0, threshold: .count(5), absentTables: ["messages"])
        #expect(notRun.fails(at: .violation) && notRun.fails(at: .warning) && notRun.notRunReason == "table messages absent")
        let skipped = CheckTally(check: "no_consent", severity: .violation, count: 0, judged: 0, threshold: nil, absentTables: ["consents", "messages"],
                                 skipped: true)
        #expect(!skipped.fails(at: .warning) && skipped.notRunReason == "tables consents, messages absent")
        let info = CheckTally(check: "old_consent", severity: .info, count: 0, judged: 0, threshold: nil, absentTables: ["consents"])
        #expect(!info.fails(at: .warning))
        // Skipping a check that ran changes nothing: its findings still gate.
        let ran = CheckTally(check: "no_consent", severity: .violation, count: 2, judged: 10, threshold: nil, skipped: true)
        #expect(ran.fails(at: .violation))
        let outcome = Gate.evaluate([notRun, skipped, info, ran], failOn: .violation)
        #expect(outcome.summary == "fail-on violation: no_consent (not run), no_consent (2)" && outcome.notRun.count == 3)
    }

    @Test func findingsOfAnExpiredWaiverAreOpenAndMarked() throws {
        let waivers = try WaiverFile.parse(yaml: Self.waiverYAML)
        let keys = [FindingKey(check: "not_erased", subject: .contact, id: 77), FindingKey(check: "missing_evidence", subject: .consent, id: 9)]
        let match = WaiverMatch(keys: keys, waivers: waivers, asOfDay: Self.day("2026-11-23"))
        #expect(match.expiredOf == [1, -1] && match.expiredWaiver(0)?.reason == "Court hold: must keep the record")
        #expect(match.waiver(0) == nil && match.waiver(1)?.key == keys[1])
    }

    /// Issue 22.4: with one waiver, "Findings by check" said 3 while the verdict said 1.
    @Test func oneCountEverywhere() throws {
        let example = Example(consents: [R.grant(1, at: "2026-01-01"), R.withdraw(2, at: "2026-02-01")],
                              messages: [R.message(10, at: "2026-03-01"), R.message(11, at: "2026-03-02"), R.message(12, at: "2026-03-03")])
        let w = { (id: Int64, expires: String) in
            Waiver(key: FindingKey(check: "after_withdrawal", subject: .message, id: id), reason: "Accepted \(id)", acceptedBy: "DPO",
                   expires: Self.day(expires))
        }
        let run = try ConsentCase(example, waivers: [w(10, "2026-12-31"), w(11, "2026-11-01")])
        let a = run.audit
        // Three after_withdrawal findings: message 10 waived, 11 open with an expired waiver, 12 open.
        #expect(a.counts["after_withdrawal"] == 2 && a.waivedCounts["after_withdrawal"] == 1 && a.expiredWaiverCounts["after_withdrawal"] == 1)
        #expect(a.violations == 3 && a.waived == 1 && a.expiredWaiver == 1)   // 2 after_withdrawal + 1 no_processing_consent
        #expect(a.byChannel["after_withdrawal"] == ["email": 2])
        #expect(a.report.checks["after_withdrawal"] == 2 && a.report.waivedByCheck["after_withdrawal"] == 1)
        #expect(a.tallies.first { $0.check == "after_withdrawal" }.map { ($0.count, $0.waived) } ?? (0, 0) == (2, 1))
    }
}
