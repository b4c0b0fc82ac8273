import CRMData
import Formatting

/// The consent audit of one snapshot: every finding with its evidence rows and severity,
/// the counts the page and report.json show, the waivers set against the findings, and the
/// gate. Built by one pass over consents and messages (`ConsentPass`). Each check runs when
/// its tables exist (`ConsentChecks.tables(of:)`); the others are listed as not run.
public struct ConsentAudit: Sendable {
    /// Sorted by check id, then message id, contact id and deciding event id.
    public let findings: [ConsentFinding]
    /// Open findings per check id (not covered by an active waiver; those whose waiver expired
    /// included): the one count of every page and export. Every check of `ConsentChecks.all` is
    /// present (0 when it did not run: see `absentTables`).
    public let counts: [String: Int]
    /// Findings covered by an active waiver, per check id (every check present).
    public let waivedCounts: [String: Int]
    /// Open findings whose waiver has expired, per check id (every check present).
    public let expiredWaiverCounts: [String: Int]
    /// The checks that did not run, by id, with the tables they lacked.
    public let absentTables: [String: [String]]
    /// What each check judged (messages, unsubscribes, grants or contacts): the share thresholds' denominators.
    public let judged: [String: Int]
    /// Open findings by severity (after overrides), and waived findings apart.
    public let violations: Int
    public let warnings: Int
    public let info: Int
    public let waived: Int
    /// Open findings whose waiver has expired (counted in the severities too).
    public let expiredWaiver: Int
    /// Open message-level findings by check and message channel (as the CRM spells it).
    public let byChannel: [String: [String: Int]]
    /// Open message-level findings of campaign messages, by campaign id then check id.
    public let byCampaign: [CampaignCheckCount]
    /// Unwaived message-level violations per ISO week, oldest first, the 26 weeks ending with the
    /// latest complete week before the as-of day.
    public let weekly: [WeekCount]
    /// The waiver file set against the findings: expired and unmatched waivers.
    public let waivers: WaiverMatch
    /// `consent.erasure_days`.
    public let erasureDays: Int
    /// Every erasure clock running at A (processing withdrawn, contact not deleted), overdue first.
    public let erasureDeadlines: [ErasureDeadline]
    /// Deleted contacts messaged after their deletion (to_deleted, waived included), by contact id.
    public let deletedButMessaged: [DeletedButMessaged]
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
    public static func run(on snapshot: Snapshot, config: ReportConfig) throws -> ConsentAudit {
        let policy = try GatePolicy.consent(config)
        let waivers = try config.consentWaivers.map { try WaiverFile.load(path: $0) } ?? []
        return ConsentAudit(snapshot: snapshot, config: config, policy: policy, waivers: waivers)
    }

    /// Whether a check ran.
    public func ran(_ check: String) -> Bool { absentTables[check] == nil }

    /// Whether any check ran (at least one of `consents` and `messages` exists).
    public var ranAny: Bool { absentTables.count < ConsentChecks.all.count }

    /// The audit with a given policy and waivers; never throws: findings are data.
    public init(snapshot: Snapshot, config: ReportConfig, policy: GatePolicy, waivers: [Waiver] = []) {
        let consents = snapshot.consents ?? ConsentTable(), messages = snapshot.messages ?? MessageTable()
        let checks = ConsentChecks.all
        let ids = checks.map { $0.description.identifier }
        let absent = checks.map { ConsentChecks.tables(of: $0).filter { !snapshot.has($0) } }
        let settings = ConsentSettings(config: config, asOf: snapshot.asOf, zone: snapshot.zone)
        let events = ConsentOrder.events(consents, contacts: snapshot.contacts.count)
        let pass = ConsentPass(snapshot: snapshot, consents: consents, messages: messages, events: events,
                               settings: settings, runs: absent.map(\.isEmpty))
        let (raw, populations) = pass.run()
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
        var waivedPerCheck = [Int](repeating: 0, count: ids.count)
        var expiredPerCheck = [Int](repeating: 0, count: ids.count)
        var bySeverity = [Int](repeating: 0, count: Severity.allCases.count)
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
            if cf.isWaived {
                waivedPerCheck[c] += 1
                continue
            }
            perCheck[c] += 1
            bySeverity[severity.rank] += 1
            if match.expiredOf[n] >= 0 { expiredPerCheck[c] += 1 }
            guard f.message >= 0 else { continue }
            let row = Int(f.message)
            let code = Int(messages.channel[row])
            if code >= 0 && code < channels.count { perChannel[c][code] += 1 }
            let campaign = messages.campaign[row]
            if campaign >= 0 && Int(campaign) < campaignIDs.count { perCampaign[Int(campaign)][c] += 1 }
            if severity == .violation { violationTimes.append(messages.sentAt[row].ms) }
        }
        violationTimes.sort()

        self.findings = findings
        counts = Dictionary(uniqueKeysWithValues: zip(ids, perCheck))
        waivedCounts = Dictionary(uniqueKeysWithValues: zip(ids, waivedPerCheck))
        expiredWaiverCounts = Dictionary(uniqueKeysWithValues: zip(ids, expiredPerCheck))
        absentTables = Dictionary(uniqueKeysWithValues: zip(ids, absent).filter { !$0.1.isEmpty })
        judged = Dictionary(uniqueKeysWithValues: checks.map { ($0.description.identifier, populations[$0.population]) })
        violations = bySeverity[Severity.violation.rank]
        warnings = bySeverity[Severity.warning.rank]
        info = bySeverity[Severity.info.rank]
        waived = waivedPerCheck.reduce(0, +)
        expiredWaiver = expiredPerCheck.reduce(0, +)
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
        erasureDays = config.consentErasureDays
        erasureDeadlines = pass.erasureDeadlines()
        var afterDeletion: [Int32: (count: Int, last: Instant)] = [:]
        for f in findings where f.check == ToDeletedCheck.description.identifier {
            let at = messages.sentAt[Int(f.finding.message)]
            let was = afterDeletion[f.finding.contact] ?? (0, .missing)
            afterDeletion[f.finding.contact] = (was.count + 1, max(was.last, at))
        }
        deletedButMessaged = afterDeletion.map { k, v in
            DeletedButMessaged(contactID: contactIDs[Int(k)], deletedDay: snapshot.zone.day(of: snapshot.contacts.deletedAt[Int(k)]),
                               messages: v.count, lastSentDay: snapshot.zone.day(of: v.last))
        }.sorted { $0.contactID < $1.contactID }
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
    public var tallies: [CheckTally] {
        Gate.tallies(counts: counts, judged: judged, policy: policy, waived: waivedCounts, absent: absentTables)
    }

    /// Whether `--fail-on` makes the run exit 1 because of this audit, and why.
    public func gate(failOn: Severity) -> GateOutcome { Gate.evaluate(tallies, failOn: failOn) }
}

extension GatePolicy {
    /// The consent audit's policy from `consent.severity` and `consent.thresholds`.
    public static func consent(_ config: ReportConfig) throws -> GatePolicy {
        try GatePolicy(checks: ConsentChecks.descriptions, severity: config.consentSeverity, thresholds: config.consentThresholds,
                       skip: config.consentSkip, section: "consent")
    }
}
