import CRMData
import Formatting

/// The consent audit of one snapshot: every finding with its evidence rows and severity,
/// the counts the page and report.json show, the waivers set against the findings, and the
/// gate. Built by one pass over consents and messages (`ConsentPass`); nil when the
/// snapshot lacks `consents` or `messages` (the page then shows the reader's note).
public struct ConsentAudit: Sendable {
    /// Sorted by check id, then message id, contact id and deciding event id.
    public let findings: [ConsentFinding]
    /// Findings per check id, waived included; every check of `ConsentChecks.all` is present.
    public let counts: [String: Int]
    /// What each check judged (messages, unsubscribes, grants or contacts): the share thresholds' denominators.
    public let judged: [String: Int]
    /// Unwaived findings by severity (after overrides), and waived findings apart.
    public let violations: Int
    public let warnings: Int
    public let info: Int
    public let waived: Int
    /// Message-level findings by check and message channel (as the CRM spells it), waived included.
    public let byChannel: [String: [String: Int]]
    /// Message-level findings of campaign messages, by campaign id then check id, waived included.
    public let byCampaign: [CampaignCheckCount]
    /// Unwaived message-level violations per ISO week, oldest first, the 26 weeks ending with the
    /// latest complete week before the as-of day.
    public let weekly: [WeekCount]
    /// The waiver file set against the findings: expired and unmatched waivers.
    public let waivers: WaiverMatch
    public let policy: GatePolicy
    /// Grace, reconfirm, minimum age and erasure periods in force; the evidence facts follow from them.
    public let settings: ConsentSettings

    /// Consent events grouped by contact in time order, kept for the addressable base.
    let events: ContactGroups
    /// Send times (ms) of the unwaived message-level violations, ascending.
    let violationTimes: [Int64]

    public static let weeksShown = 26

    /// Reads the gating settings and the waiver file (`consent.waivers`) from the config and runs
    /// the audit. Throws only for a bad setting or waiver file (`CRMError`, naming it).
    public static func run(on snapshot: Snapshot, config: ReportConfig) throws -> ConsentAudit? {
        let policy = try GatePolicy.consent(config)
        let waivers = try config.consentWaivers.map { try WaiverFile.load(path: $0) } ?? []
        return ConsentAudit(snapshot: snapshot, config: config, policy: policy, waivers: waivers)
    }

    /// The audit with a given policy and waivers; never throws: findings are data.
    public init?(snapshot: Snapshot, config: ReportConfig, policy: GatePolicy, waivers: [Waiver] = []) {
        guard let consents = snapshot.consents, let messages = snapshot.messages else { return nil }
        let settings = ConsentSettings(config: config, asOf: snapshot.asOf, zone: snapshot.zone)
        let events = ConsentOrder.events(consents, contacts: snapshot.contacts.count)
        let (raw, populations) = ConsentPass(snapshot: snapshot, consents: consents, messages: messages, events: events,
                                             settings: settings).run()
        let checks = ConsentChecks.all
        let ids = checks.map { $0.description.identifier }
        let severityOf = ids.map { policy.severity(of: $0) }
        let subjects = checks.map { $0.population.subject }

        // Sort: check id, then message id, contact id, deciding event id (none first).
        let rankOf: [Int] = { let sorted = ids.sorted(); return ids.map { sorted.firstIndex(of: $0) ?? 0 } }()
        let messageIDs = messages.id, contactIDs = snapshot.contacts.id, eventIDs = consents.id
        let messageID = raw.message.map { $0 >= 0 ? messageIDs[Int($0)] : .min }
        let contactID = raw.contact.map { contactIDs[Int($0)] }
        let eventID = raw.event.map { $0 >= 0 ? eventIDs[Int($0)] : .min }
        let order = (0..<raw.count).sorted { a, b in
            let ra = rankOf[Int(raw.check[a])], rb = rankOf[Int(raw.check[b])]
            if ra != rb { return ra < rb }
            if messageID[a] != messageID[b] { return messageID[a] < messageID[b] }
            if contactID[a] != contactID[b] { return contactID[a] < contactID[b] }
            return eventID[a] < eventID[b]
        }

        var plain: [Finding] = []
        var keys: [FindingKey] = []
        plain.reserveCapacity(order.count)
        keys.reserveCapacity(order.count)
        for i in order {
            let c = Int(raw.check[i])
            let f = Finding(check: ids[c], contact: raw.contact[i], message: raw.message[i], decidingEvent: raw.event[i])
            plain.append(f)
            keys.append(FindingKey(check: ids[c], subject: subjects[c], messageID: messageID[i] == .min ? nil : messageID[i],
                                   consentID: eventID[i] == .min ? nil : eventID[i], contactID: contactID[i]))
        }
        let asOfDay = snapshot.zone.day(of: snapshot.asOf)
        let match = waivers.isEmpty ? WaiverMatch.unwaived(count: plain.count) : WaiverMatch(keys: keys, waivers: waivers, asOfDay: asOfDay)

        var findings: [ConsentFinding] = []
        findings.reserveCapacity(plain.count)
        // Counted in arrays by check index and channel code (a dictionary per finding costs more than the pass).
        var perCheck = [Int](repeating: 0, count: ids.count)
        var bySeverity = [Int](repeating: 0, count: Severity.allCases.count)
        var waived = 0
        let channels = snapshot.vocabulary.channels
        var perChannel = [[Int]](repeating: [Int](repeating: 0, count: channels.count), count: ids.count)
        let campaignIDs = snapshot.campaigns?.id ?? []
        var perCampaign = [[Int]](repeating: [Int](repeating: 0, count: ids.count), count: campaignIDs.count)
        var violationTimes: [Int64] = []
        for (n, i) in order.enumerated() {
            let c = Int(raw.check[i])
            let f = plain[n]
            let severity = severityOf[c]
            let cf = ConsentFinding(finding: f, severity: severity, key: keys[n], waiver: match.waiverOf[n], unsubscribeMessage: raw.cause[i],
                                    lateWithdrawal: raw.lateWithdrawal[i])
            findings.append(cf)
            perCheck[c] += 1
            if cf.isWaived { waived += 1 } else { bySeverity[severity.rank] += 1 }
            guard f.message >= 0 else { continue }
            let row = Int(f.message)
            let code = Int(messages.channel[row])
            if code >= 0 && code < channels.count { perChannel[c][code] += 1 }
            let campaign = messages.campaign[row]
            if campaign >= 0 && Int(campaign) < campaignIDs.count { perCampaign[Int(campaign)][c] += 1 }
            if severity == .violation && !cf.isWaived { violationTimes.append(messages.sentAt[row].ms) }
        }
        violationTimes.sort()

        self.findings = findings
        counts = Dictionary(uniqueKeysWithValues: zip(ids, perCheck))
        judged = Dictionary(uniqueKeysWithValues: checks.map { ($0.description.identifier, populations[$0.population]) })
        violations = bySeverity[Severity.violation.rank]
        warnings = bySeverity[Severity.warning.rank]
        info = bySeverity[Severity.info.rank]
        self.waived = waived
        var byChannel: [String: [String: Int]] = [:]
        for (c, codes) in perChannel.enumerated() {
            for (code, n) in codes.enumerated() where n > 0 { byChannel[ids[c], default: [:]][channels.values[code], default: 0] += n }
        }
        self.byChannel = byChannel
        let checksByID = ids.indices.sorted { ids[$0] < ids[$1] }
        byCampaign = campaignIDs.indices.sorted { campaignIDs[$0] < campaignIDs[$1] }.flatMap { row in
            checksByID.compactMap { c in
                perCampaign[row][c] > 0
                    ? CampaignCheckCount(campaign: Int32(row), campaignID: campaignIDs[row], check: ids[c], count: perCampaign[row][c]) : nil
            }
        }
        self.waivers = match
        self.policy = policy
        self.settings = settings
        self.events = events
        self.violationTimes = violationTimes
        let lastWeekEnd = CivilDate.startOfWeek(days: asOfDay)
        weekly = (0..<Self.weeksShown).map { k in
            let start = lastWeekEnd - 7 * (Self.weeksShown - k)
            let from = snapshot.zone.startOfDay(start), to = snapshot.zone.startOfDay(start + 7)
            return WeekCount(startDay: start, label: CivilDate.isoWeekLabel(start),
                             count: Self.count(violationTimes, from: from.ms, to: to.ms))
        }
    }

    /// How many of the sorted times fall in [from, to).
    static func count(_ times: [Int64], from: Int64, to: Int64) -> Int {
        func lowerBound(_ v: Int64) -> Int {
            var lo = 0, hi = times.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if times[mid] < v { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        return to > from ? lowerBound(to) - lowerBound(from) : 0
    }

    /// The findings no active waiver covers (what the gate judges).
    public var unwaivedFindings: [Finding] { findings.filter { !$0.isWaived }.map(\.finding) }

    /// The waived findings with their waivers, for the page's "accepted" list.
    public var waivedFindings: [(finding: ConsentFinding, waiver: Waiver)] {
        findings.compactMap { f in f.waiver >= 0 ? (f, waivers.waivers[Int(f.waiver)]) : nil }
    }

    /// Each check's standing for the gate.
    public var tallies: [CheckTally] { Gate.tallies(findings: unwaivedFindings, judged: judged, policy: policy) }

    /// Whether `--fail-on` makes the run exit 1 because of this audit, and why.
    public func gate(failOn: Severity) -> GateOutcome { Gate.evaluate(tallies, failOn: failOn) }
}

extension GatePolicy {
    /// The consent audit's policy from `consent.severity` and `consent.thresholds`.
    public static func consent(_ config: ReportConfig) throws -> GatePolicy {
        try GatePolicy(checks: ConsentChecks.descriptions, severity: config.consentSeverity, thresholds: config.consentThresholds,
                       section: "consent")
    }
}
