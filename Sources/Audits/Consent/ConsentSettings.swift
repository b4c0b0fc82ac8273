import CRMData

/// The consent settings of metrics.md in the units the pass compares (milliseconds).
struct ConsentSettings: Sendable {
    let asOf: Instant
    let zone: ZoneClock
    /// `consent.grace_days`.
    let graceMs: Int64
    /// max(`consent.grace_days`, 1) days: how soon a withdrawal must be recorded after an unsubscribe.
    let recordWindowMs: Int64
    /// `consent.reconfirm_days`.
    let reconfirmMs: Int64
    /// `consent.min_age`, whole years.
    let minAge: Int
    /// `consent.erasure_days`.
    let erasureMs: Int64

    init(config: ReportConfig, asOf: Instant, zone: ZoneClock) {
        self.asOf = asOf
        self.zone = zone
        graceMs = Int64(config.consentGraceDays) * Instant.msPerDay
        recordWindowMs = Int64(max(config.consentGraceDays, 1)) * Instant.msPerDay
        reconfirmMs = Int64(config.consentReconfirmDays) * Instant.msPerDay
        minAge = config.consentMinAge
        erasureMs = Int64(config.consentErasureDays) * Instant.msPerDay
    }
}
