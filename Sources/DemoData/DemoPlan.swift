import Formatting
import CRMData
import Foundation

/// What the whole demo CRM shares: its time span and the campaigns every contact may meet.
struct DemoPlan {
    struct Campaign {
        let id: Int
        let name: String
        let channel: Channel
        let kind: String
        let start: Int64
        let end: Int64
        let windowDays: Int?
        /// Extra chance that a treatment member orders in the window (the true effect).
        let uplift: Double
        /// Share of members held out as control; 0: no control arm.
        let controlShare: Double
        let costPerMember: Double
    }

    let contacts: Int
    let seed: UInt64
    let asOf: Int64          // ms, midnight UTC of the as-of day
    let start: Int64         // two years earlier
    let campaigns: [Campaign]
    /// Chance that an eligible contact is in a given campaign's audience.
    let membership: Double

    static let day: Int64 = Instant.msPerDay

    init(contacts: Int, seed: UInt64, asOfDay: Int) {
        self.contacts = contacts
        self.seed = seed
        asOf = Int64(asOfDay) * Self.day
        start = asOf - 730 * Self.day
        var rng = DemoRandom(seed: seed, stream: 0, salt: 7)
        var list: [Campaign] = []
        let count = 104
        for k in 0..<count {
            let at = start + Int64((Double(k) + 0.3 + 0.4 * rng.unit()) * 727.0 / Double(count) * Double(Self.day))
            let channel: Channel = rng.pick([(.email, 55.0), (.sms, 25.0), (.push, 20.0)])
            let kind = k == 10 ? "welcome" : rng.pick(DemoVocabulary.campaignKinds)
            let theme = DemoVocabulary.campaignThemes[k % DemoVocabulary.campaignThemes.count]
            let label = CivilDate.isoMonth(Int(at / Self.day))
            let window: Int? = rng.pick([(nil, 70.0), (7, 15.0), (30, 15.0)])
            let uplift = rng.chance(0.45) ? 0 : 0.01 + 0.04 * rng.unit()
            let control = k == 10 ? 0 : rng.pick([(0.1, 1.0), (0.15, 1.0), (0.2, 1.0)])
            let unitCost: Double = channel == .sms ? 3.5 : (channel == .email ? 0.4 : 0.1)
            list.append(Campaign(id: k + 1, name: "\(theme) · \(channel.name) · \(label)", channel: channel, kind: kind,
                                 start: at, end: at + 3 * Self.day, windowDays: window, uplift: uplift,
                                 controlShare: control, costPerMember: unitCost))
        }
        campaigns = list
        membership = 2.0 / Double(count) / 0.26
    }

    /// Relative demand at a moment: a December peak, a Black Friday bump, a summer dip, busier weekends.
    func seasonality(_ ms: Int64) -> Double {
        let day = Int(ms / Self.day)
        let d = CivilDate.civil(fromDays: day)
        let doy = Double(day - CivilDate.days(year: d.year, month: 1, day: 1))
        var w = 1.0 + 0.9 * exp(-pow((doy - 352) / 10, 2)) + 0.5 * exp(-pow((doy - 329) / 3, 2)) - 0.18 * exp(-pow((doy - 200) / 30, 2))
        let weekday = CivilDate.weekday(days: day)
        w *= weekday >= 6 ? 1.25 : (weekday == 1 ? 0.9 : 1.0)
        return w
    }

    static let maxSeasonality = 2.6
}
