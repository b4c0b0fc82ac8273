import CRMData
import Formatting

/// The consent settings of metrics.md, as configured (days, years) and in the units the pass
/// compares (milliseconds); the evidence facts that follow from them (a window's end, an
/// erasure deadline, an age) are worked out here, by the same rules the checks judge by.
public struct ConsentSettings: Sendable {
    public let asOf: Instant
    public let zone: ZoneClock
    /// `consent.grace_days`, `consent.reconfirm_days`, `consent.min_age` (whole years), `consent.erasure_days`.
    public let graceDays: Int
    public let reconfirmDays: Int
    public let minAge: Int
    public let erasureDays: Int
    /// `consent.grace_days`.
    let graceMs: Int64
    /// max(`consent.grace_days`, 1) days: how soon a withdrawal must be recorded after an unsubscribe.
    let recordWindowMs: Int64
    /// `consent.reconfirm_days`.
    let reconfirmMs: Int64
    /// `consent.erasure_days`.
    let erasureMs: Int64

    public init(config: ReportConfig, asOf: Instant, zone: ZoneClock) {
        self.asOf = asOf
        self.zone = zone
        graceDays = config.consentGraceDays
        reconfirmDays = config.consentReconfirmDays
        minAge = config.consentMinAge
        erasureDays = config.consentErasureDays
        graceMs = Int64(config.consentGraceDays) * Instant.msPerDay
        recordWindowMs = Int64(max(config.consentGraceDays, 1)) * Instant.msPerDay
        reconfirmMs = Int64(config.consentReconfirmDays) * Instant.msPerDay
        erasureMs = Int64(config.consentErasureDays) * Instant.msPerDay
    }

    /// When the recording window of an unsubscribe closes (unrecorded_unsubscribe's `window_end`).
    public func windowEnd(unsubscribedAt: Instant) -> Instant { Instant(ms: unsubscribedAt.ms + recordWindowMs) }

    /// The day by which a processing withdrawal should have led to erasure (not_erased's `erasure_deadline`).
    public func erasureDeadline(withdrawnAt: Instant) -> Instant { Instant(ms: withdrawnAt.ms + erasureMs) }

    /// Whole days from a grant to the as-of moment (old_consent's `grant_age_days`).
    public func ageInDays(of grantedAt: Instant) -> Int { Int((asOf.ms - grantedAt.ms) / Instant.msPerDay) }

    /// The contact's age in whole years on the local day of a grant (minor's `age_at_grant`), and
    /// the birth day it counts from; nil when the birth date is absent, not a date, or after the grant.
    public func ageAtGrant(birthDate: String?, grantedAt: Instant) -> (birthDay: Int, years: Int)? {
        guard let born = ConsentPass.birthDay(birthDate), let years = MinorCheck.age(born: born, on: zone.day(of: grantedAt)) else { return nil }
        return (born, years)
    }
}
