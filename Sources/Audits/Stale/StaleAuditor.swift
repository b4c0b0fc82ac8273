import CRMData
import Formatting

/// Runs the stale-contact audit over one snapshot: validates every distinct e-mail and phone
/// once on creation, then audits any moment at or before the as-of moment cheaply (the trend and
/// the summary's stale share at three moments reuse the same validation).
public struct StaleAuditor: Sendable {
    public let snapshot: Snapshot
    public let settings: StaleSettings
    public let validation: ContactValidation

    public init(snapshot: Snapshot, config: ReportConfig) {
        let settings = StaleSettings(config: config)
        self.init(snapshot: snapshot, settings: settings,
                  validation: ContactValidation(contacts: snapshot.contacts, settings: settings.validation))
    }

    /// With a validation made beforehand, e.g. started as soon as the contacts were read, in
    /// parallel with other work (it is most of the audit's cost).
    public init(snapshot: Snapshot, settings: StaleSettings, validation: ContactValidation) {
        self.snapshot = snapshot
        self.settings = settings
        self.validation = validation
    }

    /// The audit at A with its trend at `previousAsOf` (A minus one period, see `previousAsOf(_:)`).
    /// `period` and `previousPeriod` are the report periods ending at or before those moments,
    /// used by `sms_to_non_mobile` ("SMS messages sent in the period"). A finding covered by a
    /// waiver that applies on the as-of day is counted apart (`waived`), at A and one period
    /// earlier alike, so the trend compares like with like; every count is of open findings.
    public func audit(previousAsOf: Instant, period: Range<Instant>, previousPeriod: Range<Instant>,
                      waivers: [Waiver] = []) -> StaleContactsAudit {
        // The two moments are independent: each on its own core.
        let (now, before) = parallelPair({ context(at: snapshot.asOf, period: period) },
                                         { context(at: previousAsOf, period: previousPeriod) })
        // Counted by source code (slot 0: NULL) and named once per check, not once per finding.
        let sources = snapshot.contacts.source, labels = snapshot.vocabulary.sources
        func slot(_ row: Int32) -> Int { Int(sources[Int(row)]) + 1 }
        var inBase = [Bool](repeating: false, count: labels.count + 1)
        for row in now.base { inBase[slot(row)] = true }
        func bySource(_ counts: [Int]) -> [String: Int] {
            var named: [String: Int] = [:]
            for s in counts.indices where inBase[s] { named[s == 0 ? StaleCheckResult.noSource : labels.values[s - 1]] = counts[s] }
            return named
        }

        let asOfDay = snapshot.zone.day(of: snapshot.asOf)
        let ids = snapshot.contacts.id
        // Every stale check judges the whole base; a waiver names a contact (`dormant:contact:77`).
        var active: [String: Set<Int64>] = [:], lapsed: [String: Set<Int64>] = [:]
        for w in waivers where w.key.subject == .contact {
            if w.applies(asOfDay: asOfDay) { active[w.key.check, default: []].insert(w.key.id) } else { lapsed[w.key.check, default: []].insert(w.key.id) }
        }
        var checks: [String: StaleCheckResult?] = [:]
        var notes: [StaleAuditNote] = []
        var flagged: [String: [Bool]] = [:]   // by check id: per contact row, a finding at A
        for check in StaleChecks.all {
            let id = check.identifier
            let needs = type(of: check).tables
            let absent = needs.reads.filter { !snapshot.has($0) }
            if needs.needsOne, !needs.reads.isEmpty, absent.count == needs.reads.count {
                checks[id] = .some(nil)
                notes.append(StaleAuditNote(check: id, effect: .notRun, absentTables: absent))
                continue
            }
            if !absent.isEmpty { notes.append(StaleAuditNote(check: id, effect: .partial, absentTables: absent)) }
            let waivedIDs = active[id] ?? [], lapsedIDs = lapsed[id] ?? []
            @Sendable func isWaived(_ f: Finding) -> Bool { !waivedIDs.isEmpty && waivedIDs.contains(ids[Int(f.contact)]) }
            let (found, previous) = parallelPair({ check.findings(in: now) }, { check.findings(in: before).filter { !isWaived($0) }.count })
            var counts = [Int](repeating: 0, count: labels.count + 1)
            var rows = [Bool](repeating: false, count: snapshot.contacts.count)
            var open = 0, waived = 0, expired = 0
            for f in found {
                rows[Int(f.contact)] = true
                if isWaived(f) {
                    waived += 1
                    continue
                }
                open += 1
                counts[slot(f.contact)] += 1
                if !lapsedIDs.isEmpty && lapsedIDs.contains(ids[Int(f.contact)]) { expired += 1 }
            }
            flagged[id] = rows
            checks[id] = StaleCheckResult(count: open, share: Self.share(open, of: now.base.count), previousCount: previous,
                                          bySource: bySource(counts), waived: waived, expiredWaiver: expired)
        }
        let findings = Self.sortedFindings(flagged, base: now.base, ids: ids)
        let keys = findings.map { FindingKey(check: $0.check, subject: .contact, id: ids[Int($0.contact)]) }
        let match = waivers.isEmpty ? WaiverMatch.unwaived(count: findings.count) : WaiverMatch(keys: keys, waivers: waivers, asOfDay: asOfDay)
        return StaleContactsAudit(base: now.base.count, previousBase: before.base.count, checks: checks, notes: notes,
                                  findings: findings, waivers: match)
    }

    /// The summary's stale share at a moment T at or before A (A, the previous period's end, the
    /// year-ago period's end): base contacts with a finding of unverified, invalid_email,
    /// invalid_phone, bounced or unreachable, over the base at T.
    public func staleShare(at moment: Instant) -> StaleShare {
        let c = context(at: moment, period: moment..<moment)
        var stale = [Bool](repeating: false, count: snapshot.contacts.count)
        for check in StaleChecks.all where StaleChecks.staleShareChecks.contains(check.identifier) {
            for f in check.findings(in: c) { stale[Int(f.contact)] = true }
        }
        let count = stale.lazy.filter { $0 }.count
        return StaleShare(stale: count, base: c.base.count, share: Self.share(count, of: c.base.count))
    }

    /// Reachability at a moment, for the consent audit's addressable base.
    public func reachability(at moment: Instant) -> ContactReachability {
        ContactReachability(snapshot: snapshot, validation: validation, at: moment)
    }

    /// What the checks see at a moment.
    public func context(at moment: Instant, period: Range<Instant>) -> StaleContext {
        StaleContext(snapshot: snapshot, at: moment, period: period, settings: settings, validation: validation)
    }

    /// A minus one period: 7 local days for weeks, one calendar month (day clamped) for months.
    public static func previousAsOf(_ asOf: Instant, period: ReportConfig.PeriodKind, zone: ZoneClock) -> Instant {
        let day = zone.day(of: asOf)
        return zone.startOfDay(period == .week ? day - 7 : CivilDate.addingMonths(-1, to: day))
    }

    /// The findings by contact id, then check id: one pass over the base in id order with the
    /// checks in id order, instead of sorting millions of findings.
    static func sortedFindings(_ flagged: [String: [Bool]], base: [Int32], ids: [Int64]) -> [Finding] {
        let inIDOrder = zip(base, base.dropFirst()).allSatisfy { ids[Int($0)] < ids[Int($1)] }
        let rows = inIDOrder ? base : base.sorted { ids[Int($0)] < ids[Int($1)] }
        let checks = flagged.sorted { $0.key < $1.key }
        var findings: [Finding] = []
        findings.reserveCapacity(checks.reduce(0) { n, c in n + c.value.lazy.filter { $0 }.count })
        for row in rows {
            for (id, flags) in checks where flags[Int(row)] { findings.append(Finding(check: id, contact: row)) }
        }
        return findings
    }

    static func share(_ count: Int, of base: Int) -> Double? { base > 0 ? Double(count) / Double(base) : nil }
}

/// The summary's stale share at one moment.
public struct StaleShare: Sendable, Equatable, Codable {
    public let stale: Int
    public let base: Int
    /// stale / base; nil when the base is empty.
    public let share: Double?
}

extension StaleContactsAudit {
    /// The whole audit in one call: validation, A and the trend at `previousAsOf`.
    public static func compute(snapshot: Snapshot, config: ReportConfig, previousAsOf: Instant,
                               period: Range<Instant>, previousPeriod: Range<Instant>) -> StaleContactsAudit {
        StaleAuditor(snapshot: snapshot, config: config).audit(previousAsOf: previousAsOf, period: period,
                                                               previousPeriod: previousPeriod)
    }
}
