import Formatting
import CRMData
import Foundation

/// One contact's whole history, drawn from its own random stream: who they are,
/// what they bought, which consents they gave, what they were sent, their deals.
struct ContactStory {
    let id: Int
    let plan: DemoPlan
    var rng: DemoRandom
    let out: DemoWriter

    static let day = DemoPlan.day
    static let hour: Int64 = 3_600_000
    var asOf: Int64 { plan.asOf }

    // Who
    var created: Int64 = 0
    var segment = Segment.b2c
    var email: String?
    var emailBad = false
    var phone: String?
    var phoneMobile = true
    var pushToken: String?
    var deleted: Int64?
    var emailStatus: EmailStatus?

    // Consent timeline, per channel: when marketing consent began and ended (withdrawal or expiry).
    var grantedAt: [Channel: Int64] = [:]
    var revokedAt: [Channel: Int64] = [:]
    var orders: [(at: Int64, amount: Double)] = []

    init(id: Int, plan: DemoPlan, out: DemoWriter) {
        self.id = id
        self.plan = plan
        self.out = out
        rng = DemoRandom(seed: plan.seed, stream: UInt64(id))
    }

    mutating func tell() throws {
        try person()
        try consents()
        try purchases()
        try campaigns()
        try newsletters()
        try deals()
        try interactions()
    }

    // MARK: Who they are

    mutating func person() throws {
        segment = rng.chance(0.15) ? .b2b : .b2c
        if rng.chance(0.12) {
            created = plan.start - Int64(rng.unit() * 1100) * Self.day - Int64(rng.int(0...86_399)) * 1000   // an old import
        } else {
            created = plan.start + Int64(pow(rng.unit(), 0.8) * 729.9 * Double(Self.day))
        }
        let female = rng.chance(0.55)
        let first = female ? rng.pick(DemoVocabulary.firstNamesF) : rng.pick(DemoVocabulary.firstNamesM)
        let last = rng.pick(DemoVocabulary.lastNames) + (female ? "а" : "")
        let latin = "\(rng.pick(DemoVocabulary.latinFirst)).\(rng.pick(DemoVocabulary.latinLast))"
        let company: String? = segment == .b2b ? rng.pick(DemoVocabulary.companies) : nil

        let e = rng.unit()
        if e < 0.10 { email = nil }
        else if e < 0.13 { email = rng.pick(DemoVocabulary.invalidEmails); emailBad = true }
        else if e < 0.14 { email = "\(rng.pick(DemoVocabulary.roleMailboxes))@\(rng.pick(DemoVocabulary.companyDomains))" }
        else if e < 0.145 { email = "\(latin)\(rng.int(1...999))@\(rng.pick(DemoVocabulary.disposableDomains))" }
        else if e < 0.165 { email = "\(DemoVocabulary.latinFirst[id % 30]).\(DemoVocabulary.latinLast[id / 30 % 20])@mail.ru" }   // shared: duplicates
        else if segment == .b2b { email = "\(latin)@\(rng.pick(DemoVocabulary.companyDomains))" }
        else { email = "\(latin)\(rng.int(1...9999))@\(rng.pick(DemoVocabulary.mailDomains))" }
        if let m = email, rng.chance(0.03) { email = " " + m.uppercased() }   // typed carelessly

        let p = rng.unit()
        let digits = String(format: "%03d%07d", rng.int(900...999), rng.int(0...9_999_999))
        if p < 0.15 { phone = nil }
        else if p < 0.18 { phone = "+7 \(rng.int(900...999)) \(rng.int(10...99))-\(rng.int(10...99))"; phoneMobile = false }  // too short
        else if p < 0.22 { phone = "+7 (495) \(rng.int(100...999))-\(rng.int(10...99))-\(rng.int(10...99))"; phoneMobile = false }  // a landline
        else if p < 0.235 { phone = "+7 916 000-00-\(String(format: "%02d", id % 50))" }   // shared: duplicates
        else {
            let d = Array(digits)
            switch rng.int(0...2) {
            case 0: phone = "+7 \(String(d[0..<3])) \(String(d[3..<6]))-\(String(d[6..<8]))-\(String(d[8..<10]))"
            case 1: phone = "8 (\(String(d[0..<3]))) \(String(d[3..<6])) \(String(d[6..<8])) \(String(d[8..<10]))"
            default: phone = "+7\(digits)"
            }
        }
        if rng.chance(0.3) { pushToken = String(format: "fcm:%016llx", rng.next()) }
        let verified: Int64? = rng.chance(0.6) ? min(asOf - Self.hour, created + Int64(rng.exponential(mean: 200) * Double(Self.day))) : nil
        let status = rng.unit()
        emailStatus = email == nil ? nil : (status < 0.2 ? nil : status < 0.225 ? .hardBounce : status < 0.255 ? .softBounce : status < 0.26 ? .complaint : .valid)
        if rng.chance(0.02) {
            let at = created + Int64(rng.unit() * Double(asOf - created))
            if at < asOf { deleted = at }
        }
        let birth: String?
        let b = rng.unit()
        if b < 0.4 { birth = nil }
        else if b < 0.403 { birth = rng.pick(["1890-01-01", "2031-05-05", "31.12.1980", "0000-00-00"]) }
        else if b < 0.41 { birth = CivilDate.iso(Int(asOf / Self.day) - rng.int(4300...5000)) }   // 12-13 years old
        else { birth = CivilDate.iso(Int(asOf / Self.day) - rng.int(6600...27_000)) }

        let createdText = rng.chance(0.0002) ? "2024-02-30 10:00:00" : DemoStamp.format(created, .space)
        let gender = rng.chance(0.0002) ? "x" : (rng.chance(0.1) ? nil : (female ? "f" : "m"))
        out.contacts.int(id).text("\(first) \(last)").text(email).text(phone).text(pushToken).text(birth).text(gender)
            .text(rng.pick(DemoVocabulary.regions)).text(segment.name).text(company).text(rng.pick(DemoVocabulary.sources))
            .text(rng.pick(DemoVocabulary.managers)).text(createdText).text(verified.map { DemoStamp.format($0, .space) })
            .text(emailStatus?.name).text(deleted.map { DemoStamp.format($0, .space) })
        try out.contacts.insert()
    }

    // MARK: Consents

    mutating func consents() throws {
        let t0 = created + Int64(rng.int(60...3600)) * 1000
        if rng.chance(0.97) { try consent(.processing, nil, .grant, t0, expires: nil) }
        if rng.chance(0.006), let w = time(after: t0, meanDays: 300) {
            try consent(.processing, nil, .withdraw, w, expires: nil)
            if rng.chance(0.6) { deleted = deleted ?? min(asOf - Self.hour, w + Int64(rng.int(1...20)) * Self.day) }
        }
        if rng.chance(0.1) {
            try grant(nil, at: t0)
        } else {
            if email != nil, rng.chance(0.7) { try grant(.email, at: t0) }
            if phone != nil, rng.chance(0.45) { try grant(.sms, at: t0 + Int64(rng.int(0...72)) * Self.hour) }
            if pushToken != nil, rng.chance(0.6) { try grant(.push, at: t0 + Int64(rng.int(0...240)) * Self.hour) }
        }
        if rng.chance(0.02) { try consent(.thirdParty, nil, .grant, t0, expires: nil) }
        if rng.chance(0.35), let again = time(after: t0, meanDays: 300) {   // re-confirmed at a later visit
            try consent(.processing, nil, .grant, again, expires: nil)
            if grantedAt[.email] != nil, revokedAt[.email] == nil { try consent(.marketing, .email, .grant, again, expires: nil) }
        }
    }

    /// A marketing grant for one channel (nil: every channel), perhaps with a term, perhaps withdrawn later.
    mutating func grant(_ channel: Channel?, at: Int64) throws {
        guard at < asOf else { return }
        let expires: Int64? = rng.chance(0.08) ? at + 365 * Self.day : nil
        try consent(.marketing, channel, .grant, at, expires: expires)
        let channels: [Channel] = channel.map { [$0] } ?? [.email, .sms, .push]
        for c in channels {
            grantedAt[c] = at
            if let expires { revokedAt[c] = expires }
        }
        if rng.chance(0.05), let w = time(after: at, meanDays: 200) {
            try consent(.marketing, channel, .withdraw, w, expires: nil)
            for c in channels { revokedAt[c] = min(revokedAt[c] ?? .max, w) }
        }
    }

    mutating func consent(_ purpose: ConsentPurpose, _ channel: Channel?, _ action: ConsentAction, _ at: Int64, expires: Int64?) throws {
        let evidence: String? = action == .grant && rng.chance(0.04) ? nil : "policy-v\(rng.int(2...4)); ip 10.\(rng.int(0...255)).\(rng.int(0...255)).\(rng.int(1...254))"
        let source: String? = rng.chance(0.01) ? nil : rng.pick(DemoVocabulary.consentSources)
        let actionText = rng.chance(0.0002) ? "maybe" : action.name
        out.consents.int(out.nextConsent()).int(id).text(purpose.name).text(channel?.name).text(actionText)
            .text(DemoStamp.format(at, .isoZ)).text(source).text(evidence).text(expires.map { DemoStamp.format($0, .isoZ) })
        try out.consents.insert()
    }

    func consented(_ c: Channel, at t: Int64) -> Bool {
        guard let g = grantedAt[c], g <= t else { return false }
        return (revokedAt[c] ?? .max) > t
    }

    /// A moment after `t`, exponentially distributed, if it falls before the as-of moment.
    mutating func time(after t: Int64, meanDays: Double) -> Int64? {
        let at = t + Int64(rng.exponential(mean: meanDays) * Double(Self.day))
        return at < asOf ? at : nil
    }

    // MARK: Purchases

    mutating func purchases() throws {
        guard rng.chance(segment == .b2b ? 0.7 : 0.55) else { return }
        let rate = rng.logNormal(median: segment == .b2b ? 9 : 7, sigma: 0.9)   // orders a year while active
        let ticket = rng.logNormal(median: segment == .b2b ? 18_000 : 2600, sigma: 0.7)
        var t = max(created, plan.start) + Int64(rng.exponential(mean: 25) * Double(Self.day))
        let churn = t + Int64(rng.exponential(mean: 420) * Double(Self.day))
        let end = min(churn, asOf)
        let step = 365.0 / (rate * DemoPlan.maxSeasonality)
        while t < end, orders.count < 300 {
            if rng.chance(plan.seasonality(t) / DemoPlan.maxSeasonality) {
                try order(at: t, amount: rng.logNormal(median: ticket, sigma: 0.5))
            }
            t += Int64(rng.exponential(mean: step) * Double(Self.day))
        }
    }

    mutating func order(at t: Int64, amount raw: Double) throws {
        let amount = (raw * 100).rounded() / 100
        let status = rng.pick([("completed", 92.0), ("returned", 5.0), ("cancelled", 3.0)])
        let channel = rng.pick([("online", 55.0), ("offline", 35.0), ("app", 10.0)])
        let style: DemoStamp.Style = channel == "online" ? .isoMillisZ : (channel == "app" ? .moscowOffset : .space)
        var at = DemoStamp.format(t, style), value = amount, statusText = status, contact = id
        switch rng.unit() {
        case ..<0.0001: at = "31.12.2025 14:00"
        case ..<0.0002: value = -amount
        case ..<0.0003: statusText = "refunded"
        case ..<0.0004: contact = 1_000_000_000 + id
        default: break
        }
        out.orders.int(out.nextOrder()).int(contact).text(at).real(value).text(channel)
            .text(channel == "offline" ? rng.pick(DemoVocabulary.stores) : nil).text(statusText)
        try out.orders.insert()
        if status == "completed" { orders.append((t, amount)) }
        if rng.chance(0.35) {   // a receipt
            let c: Channel = email != nil ? .email : .sms
            try message(campaign: nil, channel: c, purpose: .transactional, at: t + 60_000)
        }
    }

    // MARK: Campaigns

    mutating func campaigns() throws {
        for c in plan.campaigns where c.start > created && c.start < asOf && (deleted ?? .max) > c.start {
            let audience = consented(c.channel, at: c.start) ? plan.membership : plan.membership * 0.02
            guard rng.chance(audience) else { continue }
            let assigned = c.start + Int64(rng.int(0...7200)) * 1000
            guard assigned < asOf else { continue }
            let control = rng.chance(c.controlShare)
            let arm = rng.chance(0.0001) ? "holdout" : (control ? "control" : "treatment")
            out.members.int(c.id).int(id).text(arm).text(DemoStamp.format(assigned, .space))
            try out.members.insert()
            if !control || rng.chance(0.01) {   // a few control members are messaged by mistake
                try message(campaign: c.id, channel: c.channel, purpose: .marketing, at: assigned + Int64(rng.int(60...7200)) * 1000)
            }
            if !control, rng.chance(c.uplift) {   // the campaign's true effect
                let window = Double(c.windowDays ?? 14)
                let at = assigned + Int64(rng.unit() * window * Double(Self.day))
                if at < asOf { try order(at: at, amount: rng.logNormal(median: 2600, sigma: 0.6)) }
            }
        }
    }

    // MARK: Messages

    mutating func newsletters() throws {
        for (channel, perYear) in [(Channel.email, 9.0), (.sms, 2.5), (.push, 4.0)] {
            let from = max(created, plan.start)
            var t = from + Int64(rng.exponential(mean: 365 / perYear) * Double(Self.day))
            while t < asOf {
                let allowed = consented(channel, at: t) && (deleted ?? .max) > t
                if allowed ? true : rng.chance(grantedAt[channel] == nil ? 0.003 : 0.03) {
                    try message(campaign: nil, channel: channel, purpose: .marketing, at: t)
                }
                t += Int64(rng.exponential(mean: 365 / perYear) * Double(Self.day))
            }
        }
    }

    mutating func message(campaign: Int?, channel: Channel, purpose: MessagePurpose, at sent: Int64) throws {
        guard sent < asOf else { return }
        var delivered: Int64?, opened: Int64?, clicked: Int64?, bounce: String?, unsubscribed: Int64?
        let hardBounced = channel == .email && (emailStatus == .hardBounce || emailBad || email == nil)
        if hardBounced || rng.chance(0.01) { bounce = "hard" }
        else if rng.chance(channel == .push ? 0.08 : 0.025) { bounce = channel == .email ? "soft" : nil }
        else {
            delivered = sent + Int64(rng.int(2...600)) * 1000
            if channel != .sms, rng.chance(channel == .email ? 0.24 : 0.09) {
                opened = (delivered ?? sent) + Int64(rng.exponential(mean: 0.4) * Double(Self.day))
                if rng.chance(0.16) { clicked = (opened ?? sent) + Int64(rng.int(5...600)) * 1000 }
            }
            if purpose == .marketing, channel == .email, rng.chance(0.004) {
                unsubscribed = (opened ?? delivered ?? sent) + Int64(rng.int(10...900)) * 1000
            }
        }
        func stamp(_ v: Int64?) -> String? { v.flatMap { $0 < asOf ? DemoStamp.format($0, .space) : nil } }
        let deliveredText = rng.chance(0.00005) ? "вчера" : stamp(delivered)
        out.messages.int(out.nextMessage()).int(campaign.map(Int64.init)).int(id).text(channel.name).text(purpose.name)
            .text(DemoStamp.format(sent, .space)).text(deliveredText).text(stamp(opened)).text(stamp(clicked)).text(bounce).text(stamp(unsubscribed))
        try out.messages.insert()
        if let u = unsubscribed, u < asOf {
            revokedAt[.email] = min(revokedAt[.email] ?? .max, u)
            if rng.chance(0.85) { try consent(.marketing, .email, .withdraw, u + Int64(rng.int(60...20_000)) * 1000, expires: nil) }
        }
    }

    // MARK: Deals and touchpoints

    mutating func deals() throws {
        guard rng.chance(segment == .b2b ? 0.9 : 0.42) else { return }
        let count = 1 + rng.poisson(segment == .b2b ? 0.8 : 0.3)
        let pipeline = DemoVocabulary.pipelines[segment == .b2b ? 1 : 0]
        for _ in 0..<count {
            let from = max(created, plan.start)
            let start = from + Int64(rng.exponential(mean: 90) * Double(Self.day))   // leads turn into deals soon after they arrive
            guard start < asOf else { continue }
            let dealID = out.nextDeal()
            let meanStep = segment == .b2b ? 12.0 : 5.0
            var t = start
            var status = "open"
            var closed: Int64?
            var stagesDone = 0
            let recordsStages = rng.chance(0.96)
            for (k, stage) in pipeline.stages.enumerated() {
                if k > 0 {
                    t += Int64(rng.exponential(mean: meanStep) * Double(Self.day))
                    if t >= asOf { break }
                    if !rng.chance(k == 1 ? 0.75 : 0.72) {
                        let end = t + Int64(rng.exponential(mean: 10) * Double(Self.day))
                        if end < asOf { status = "lost"; closed = end }
                        break
                    }
                }
                stagesDone = k + 1
                if recordsStages, k == 0 || !rng.chance(0.06) {
                    out.stages.int(dealID).text(stage).text(DemoStamp.format(t + (k == 0 ? 60_000 : 0), .minutes))
                    try out.stages.insert()
                }
            }
            if stagesDone == pipeline.stages.count, status == "open" {
                let end = t + Int64(rng.exponential(mean: meanStep) * Double(Self.day))
                if end < asOf {
                    if rng.chance(0.75) { status = "won" } else { status = "lost" }
                    closed = end
                }
            }
            var closedText = closed.map { DemoStamp.format($0, .space) }
            if status == "won", rng.chance(0.003) { closedText = nil }
            let amount = (rng.logNormal(median: segment == .b2b ? 240_000 : 35_000, sigma: 0.8) / 100).rounded() * 100
            out.deals.int(dealID).int(id).text(pipeline.name).text(rng.pick(DemoVocabulary.managers))
                .text(rng.pick(DemoVocabulary.leadChannels)).text(DemoStamp.format(start, .space)).text(closedText).text(status)
                .real(rng.chance(0.03) ? nil : amount).text(status == "lost" ? rng.pick(DemoVocabulary.lostReasons) : nil)
            try out.deals.insert()
        }
    }

    mutating func interactions() throws {
        let n = rng.poisson(2.2)
        let from = max(created, plan.start)
        for _ in 0..<n {
            let at = from + Int64(rng.unit() * Double(asOf - from))
            let kind = rng.chance(0.0005) ? "email" : rng.pick([("call_in", 20.0), ("call_out", 20.0), ("call_missed", 10.0), ("visit", 18.0), ("ticket", 10.0), ("chat", 15.0), ("meeting", segment == .b2b ? 12.0 : 1.0)])
            out.interactions.int(out.nextInteraction()).int(id).text(kind).text(DemoStamp.format(at, .space))
                .text(kind.hasPrefix("call") ? "phone" : (kind == "chat" ? "messenger" : nil))
            try out.interactions.insert()
        }
    }
}
