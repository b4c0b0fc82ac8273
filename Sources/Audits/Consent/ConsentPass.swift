import CRMData
import Formatting
import Foundation

/// The one pass of the consent audit: contact by contact, a merge of the contact's consent
/// events and messages in time order. Before each message, the events at or before its send
/// time are applied to the state machine, so each message is judged against the state at its
/// send time without any search. After the last message the remaining events (all before the
/// as-of moment) give the state at A for the grant- and contact-level checks.
struct ConsentPass: Sendable {
    let contacts: ContactTable
    let consents: ConsentTable
    let messages: MessageTable
    let settings: ConsentSettings
    let events: ContactGroups
    let sends: ContactGroups
    /// Per message channel code, its state slot (`ConsentStates`).
    let slotOfCode: [Int]

    let messageChecks: [(Int, any MessageCheck.Type)]
    let unsubscribeChecks: [(Int, any UnsubscribeCheck.Type)]
    let grantChecks: [(Int, any GrantCheck.Type)]
    let contactChecks: [(Int, any ContactCheck.Type)]

    /// - Parameter runs: per check of `ConsentChecks.all`, whether it runs (its tables exist).
    init(snapshot: Snapshot, consents: ConsentTable, messages: MessageTable, events: ContactGroups, settings: ConsentSettings,
         runs: [Bool]) {
        contacts = snapshot.contacts
        self.consents = consents
        self.messages = messages
        self.settings = settings
        self.events = events
        let n = snapshot.contacts.count
        sends = ConsentOrder.messages(messages, contacts: n)
        slotOfCode = snapshot.vocabulary.channels.values.map { text in
            Channel.names.firstIndex(of: text) ?? ConsentStates.otherChannel
        }
        func checks<K>(_: K.Type) -> [(Int, K)] {
            ConsentChecks.all.enumerated().compactMap { i, c in runs[i] ? (c as? K).map { (i, $0) } : nil }
        }
        messageChecks = checks((any MessageCheck.Type).self)
        unsubscribeChecks = checks((any UnsubscribeCheck.Type).self)
        grantChecks = checks((any GrantCheck.Type).self)
        contactChecks = checks((any ContactCheck.Type).self)
    }

    /// Runs the pass over all contacts, in two halves on two threads.
    func run() -> (RawFindings, PopulationCounts) {
        let n = contacts.count
        let parts = n < 10_000 ? [0..<n] : [0..<(n / 2), (n / 2)..<n]
        let results = Slots(parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { i in
            results.set(i, run(contacts: parts[i]))
        }
        var findings = RawFindings(), counts = PopulationCounts()
        for r in results.all {
            findings.append(contentsOf: r.0)
            counts = counts + r.1
        }
        return (findings, counts)
    }

    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [(RawFindings, PopulationCounts)?]
        init(_ n: Int) { values = Array(repeating: nil, count: n) }
        func set(_ i: Int, _ v: (RawFindings, PopulationCounts)) { lock.lock(); values[i] = v; lock.unlock() }
        var all: [(RawFindings, PopulationCounts)] { lock.lock(); defer { lock.unlock() }; return values.compactMap { $0 } }
    }

    /// An unsubscribe of the contact being walked.
    private struct Unsubscribe {
        var at: Instant
        var code: Int32
        var message: Int32
        var sentAt: Instant
    }

    /// - Parameter observe: called with each message's facts and the index of its finding's check, if any.
    func run(contacts range: Range<Int>, observe: ((MessageFacts, Int?) -> Void)? = nil) -> (RawFindings, PopulationCounts) {
        var out = RawFindings()
        var counts = PopulationCounts()
        var states = ConsentStates()
        var unsubscribes: [Unsubscribe] = []
        let c = consents, m = messages, s = settings
        for k in range {
            let evs = events.range(k), msgs = sends.range(k)
            let deletedAt = contacts.deletedAt[k]
            if evs.isEmpty && msgs.isEmpty && deletedAt.exists { continue }
            states.reset()
            unsubscribes.removeAll(keepingCapacity: true)
            for i in msgs {
                let row = Int(sends.order[i])
                if m.unsubscribedAt[row].exists {
                    unsubscribes.append(Unsubscribe(at: m.unsubscribedAt[row], code: m.channel[row], message: Int32(row), sentAt: m.sentAt[row]))
                }
            }
            var e = evs.lowerBound
            for i in msgs {
                let row = Int(sends.order[i])
                let sentAt = m.sentAt[row]
                while e < evs.upperBound, c.occurredAt[Int(events.order[e])] <= sentAt {
                    states.apply(Int(events.order[e]), c)
                    e += 1
                }
                judgeMessage(row, contact: k, deletedAt: deletedAt, states: states, unsubscribes: unsubscribes, &out, &counts, observe: observe)
                if m.unsubscribedAt[row].exists { judgeUnsubscribe(row, contact: k, evs, &out, &counts) }
            }
            while e < evs.upperBound {
                states.apply(Int(events.order[e]), c)
                e += 1
            }
            // Deleted contacts are left out of the grant- and contact-level checks (metrics.md, common ground).
            guard deletedAt.isMissing else { continue }
            judgeGrants(contact: k, evs, states, &out, &counts)
            counts.contacts += 1
            if contacts.hasPersonalData[k] { counts.contactsWithPersonalData += 1 }
            let p = states.processing
            let facts = ContactFacts(contact: Int32(k), hasPersonalData: contacts.hasPersonalData[k], processing: p,
                                     processingIsWithdrawal: p >= 0 && c.action[Int(p)] == .withdraw,
                                     processingAt: p >= 0 ? c.occurredAt[Int(p)] : .missing,
                                     processingExpires: p >= 0 ? c.expiresAt[Int(p)] : .missing)
            for (index, check) in contactChecks {
                if let d = check.judge(facts, s) { out.append(index, contact: Int32(k), message: -1, d) }
            }
        }
        return (out, counts)
    }

    private func judgeMessage(_ row: Int, contact k: Int, deletedAt: Instant, states: ConsentStates, unsubscribes: [Unsubscribe],
                              _ out: inout RawFindings, _ counts: inout PopulationCounts, observe: ((MessageFacts, Int?) -> Void)?) {
        let m = messages
        let code = m.channel[row]
        let f = facts(message: Int32(row), sentAt: m.sentAt[row], code: code, slot: slot(code), isMarketing: m.purpose[row] == .marketing,
                      contact: k, deletedAt: deletedAt, states: states, unsubscribes: unsubscribes)
        counts.messages += 1
        if f.isMarketing { counts.marketingMessages += 1 }
        let found = firstFinding(f)
        observe?(f, found?.check)
        if let found { out.append(found.check, contact: Int32(k), message: Int32(row), found.decision) }
    }

    /// The state slot of a message channel code.
    func slot(_ code: Int32) -> Int {
        code >= 0 && Int(code) < slotOfCode.count ? slotOfCode[Int(code)] : ConsentStates.otherChannel
    }

    /// The facts of a message (`row` -1: one not sent) on channel `code` at `sentAt`, from the state
    /// machine as it stands then and the contact's unsubscribes.
    private func facts(message row: Int32, sentAt: Instant, code: Int32, slot: Int, isMarketing: Bool, contact k: Int, deletedAt: Instant,
                       states: ConsentStates, unsubscribes: [Unsubscribe]) -> MessageFacts {
        var f = MessageFacts()
        f.message = row
        f.contact = Int32(k)
        f.sentAt = sentAt
        f.isMarketing = isMarketing
        f.deletedAt = deletedAt
        guard isMarketing else { return f }
        let d = states.deciding(slot)
        f.deciding = d
        if d >= 0 {
            f.decidingIsWithdrawal = consents.action[Int(d)] == .withdraw
            f.decidingAt = consents.occurredAt[Int(d)]
            f.decidingExpires = consents.expiresAt[Int(d)]
        }
        f.everGranted = states.everGranted(slot)
        f.lastGrantAt = states.lastGrantAt(slot)
        // The latest unsubscribe through an earlier message on this channel, grace days before.
        for u in unsubscribes where u.code == code && u.message != row && u.sentAt < sentAt
            && u.at.ms <= sentAt.ms - settings.graceMs && u.at > f.unsubscribeAt {
            f.unsubscribeAt = u.at
            f.unsubscribeMessage = u.message
        }
        return f
    }

    /// The first message check that finds something, in `ConsentChecks.all` order (at most one per message).
    private func firstFinding(_ f: MessageFacts) -> (check: Int, decision: Decision)? {
        for (index, check) in messageChecks {
            if let d = check.judge(f, settings) { return (index, d) }
        }
        return nil
    }

    /// What the audit would find in a marketing message on `channel` (message channel code `code`,
    /// -1 when no message ever used it) sent to contact `k` at the as-of moment: the contact's
    /// events replayed through the state machine and its unsubscribes, as for a message sent.
    func probe(contact k: Int, channel: Channel, code: Int32) -> (facts: MessageFacts, check: Int?, decision: Decision?) {
        var states = ConsentStates()
        for i in events.range(k) { states.apply(Int(events.order[i]), consents) }
        var unsubscribes: [Unsubscribe] = []
        let m = messages
        for i in sends.range(k) {
            let row = Int(sends.order[i])
            if m.unsubscribedAt[row].exists {
                unsubscribes.append(Unsubscribe(at: m.unsubscribedAt[row], code: m.channel[row], message: Int32(row), sentAt: m.sentAt[row]))
            }
        }
        let f = facts(message: -1, sentAt: settings.asOf, code: code, slot: Int(channel.rawValue), isMarketing: true, contact: k,
                      deletedAt: contacts.deletedAt[k], states: states, unsubscribes: unsubscribes)
        let found = firstFinding(f)
        return (f, found?.check, found?.decision)
    }

    /// The state machine of contact `k` at the as-of moment (every event applied).
    func statesAtAsOf(contact k: Int) -> ConsentStates {
        var states = ConsentStates()
        for i in events.range(k) { states.apply(Int(events.order[i]), consents) }
        return states
    }

    /// An unsubscribe is judged once its recording window has closed before the as-of moment
    /// (until then a withdrawal may still be recorded in time).
    private func judgeUnsubscribe(_ row: Int, contact k: Int, _ evs: Range<Int>, _ out: inout RawFindings, _ counts: inout PopulationCounts) {
        let at = messages.unsubscribedAt[row]
        guard at.ms + settings.recordWindowMs < settings.asOf.ms else { return }
        counts.unsubscribes += 1
        let channelSlot = self.slot(messages.channel[row])
        var next: Int32 = -1
        let c = consents
        for i in evs {
            let e = Int(events.order[i])
            guard c.occurredAt[e] >= at, c.purpose[e] == .marketing, c.action[e] == .withdraw else { continue }
            if let ch = c.channel[e], Int(ch.rawValue) != channelSlot { continue }
            next = Int32(e)
            break
        }
        let facts = UnsubscribeFacts(message: Int32(row), contact: Int32(k), unsubscribedAt: at, nextWithdrawal: next,
                                     nextWithdrawalAt: next >= 0 ? c.occurredAt[Int(next)] : .missing)
        for (index, check) in unsubscribeChecks {
            if let d = check.judge(facts, settings) { out.append(index, contact: Int32(k), message: Int32(row), d) }
        }
    }

    private func judgeGrants(contact k: Int, _ evs: Range<Int>, _ states: ConsentStates, _ out: inout RawFindings,
                             _ counts: inout PopulationCounts) {
        let c = consents
        // The marketing grants deciding a contract channel at A, unexpired (a NULL grant may decide several).
        var active: [Int32] = []
        for slot in 0..<ConsentStates.channels {
            if let g = states.activeGrant(slot, at: settings.asOf, c), !active.contains(g) { active.append(g) }
        }
        var birthDay: Int?? = .none
        for i in evs {
            let e = Int(events.order[i])
            guard c.action[e] == .grant else { continue }
            counts.grants += 1
            let purpose = c.purpose[e]
            let isActive = purpose == .marketing && active.contains(Int32(e))
            if purpose == .marketing {
                counts.marketingGrants += 1
                if isActive { counts.activeMarketingGrants += 1 }
                if birthDay == nil { birthDay = .some(Self.birthDay(contacts.birthDate[k])) }
            }
            let facts = GrantFacts(consent: Int32(e), contact: Int32(k), purpose: purpose, occurredAt: c.occurredAt[e],
                                   hasSource: c.source[e] >= 0, hasEvidence: c.evidence.has(e), isActive: isActive,
                                   birthDay: birthDay ?? nil)
            for (index, check) in grantChecks {
                if let d = check.judge(facts, settings) { out.append(index, contact: Int32(k), message: -1, d) }
            }
        }
    }

    /// A birth date as typed: "YYYY-MM-DD" after trimming spaces and tabs, else nil (the stale audit reports it).
    /// Trimmed on the bytes: Foundation's trimming costs more than the whole pass.
    static func birthDay(_ text: String?) -> Int? {
        guard let text else { return nil }
        let bytes = text.utf8
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }) else { return nil }
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return CivilDate.parse(text) }
        return CivilDate.parse(String(decoding: bytes[first...last], as: UTF8.self))
    }
}
