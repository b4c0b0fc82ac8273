import CRMData
import Formatting
import Reports

extension ReportJSON {
    /// report.json's `campaigns`: the array of outputs.md, newest first, plus the dates, the
    /// persistence comparison and the funnel's rates; null when the optional tables are absent
    /// (the reader's note in `notes` names the table).
    static func campaigns(_ r: CampaignReport, zone: ZoneClock) -> JSONValue {
        if r.unavailable != nil { return .null }
        return .array(r.campaigns.map { campaign($0, zone: zone) })
    }

    static func campaign(_ c: CampaignResult, zone: ZoneClock) -> JSONValue {
        func day(_ t: Instant) -> JSONValue { t.exists ? .string(CivilDate.iso(zone.day(of: t))) : .null }
        var pairs: [(String, JSONValue)] = [
            ("id", .int(Int(c.id))), ("name", .string(c.name)), ("channel", .str(c.channel)), ("kind", .str(c.kind)),
            ("started_at", day(c.startedAt)), ("ended_at", day(c.endedAt)),
            ("status", .string(c.status.rawValue)), ("window_days", .int(c.windowDays)),
            ("first_assigned_at", day(c.firstAssigned)), ("windows_close_at", day(c.windowsClose)),
            ("cost", .num(c.cost)),
        ]
        pairs += comparison(c.effect)
        pairs.insert(("roi", .num(c.roi)), at: pairs.firstIndex { $0.0 == "verdict" } ?? pairs.count)
        pairs.append(("contaminated_controls", .int(c.contaminatedControls)))
        pairs.append(("persistence", .object([("days", .int(c.persistenceDays)), ("status", .string(c.persistenceStatus.rawValue)),
                                               ("closes_at", day(c.persistenceClose))] + comparison(c.persistence))))
        pairs.append(("messages", c.messages.map(funnel) ?? .null))
        return .object(pairs)
    }

    /// The arms, uplift, revenue difference, incremental figures, verdict and MDE of one window.
    static func comparison(_ e: ArmComparison) -> [(String, JSONValue)] {
        var uplift: JSONValue = .null
        if let u = e.uplift {
            uplift = .object([("absolute", .num(u)), ("relative", .num(e.relativeUplift)),
                              ("ci_low", .num(e.upliftInterval?.low)), ("ci_high", .num(e.upliftInterval?.high)),
                              ("p_value", .num(e.pValue))])
        }
        var revenue: JSONValue = .null
        if let d = e.revenueDifference {
            revenue = .object([("value", .num(d)), ("ci_low", .num(e.revenueWelch?.low)), ("ci_high", .num(e.revenueWelch?.high)),
                               ("df", .num(e.revenueWelch?.degreesOfFreedom))])
        }
        var pairs: [(String, JSONValue)] = [
            ("treatment", arm(e.treatment)), ("control", e.control.map(arm) ?? .null),
            ("uplift", uplift), ("revenue_difference", revenue),
            ("incremental_conversions", .num(e.incrementalConversions)), ("incremental_revenue", .num(e.incrementalRevenue)),
            ("verdict", .string(e.verdict.rawValue)),
        ]
        if let why = e.unmeasurable { pairs.append(("not_measurable_reason", .string(why.rawValue))) }
        pairs.append(("mde", .num(e.minimumDetectableEffect)))
        return pairs
    }

    static func arm(_ a: ArmOutcome) -> JSONValue {
        .object([("n", .int(a.n)), ("converted", .int(a.converted)), ("rate", .num(a.rate)),
                 ("revenue", .num(a.revenue)), ("revenue_per_member", .num(a.revenuePerMember))])
    }

    static func funnel(_ f: MessageFunnel) -> JSONValue {
        .object([("sent", .int(f.sent)), ("delivered", .int(f.delivered)), ("opened", .int(f.opened)), ("clicked", .int(f.clicked)),
                 ("unsubscribed", .int(f.unsubscribed)), ("hard_bounces", .int(f.hardBounces)),
                 ("delivery_rate", .num(f.deliveryRate)), ("open_rate", .num(f.openRate)), ("click_through_rate", .num(f.clickThroughRate)),
                 ("click_to_open_rate", .num(f.clickToOpenRate)), ("unsubscribe_rate", .num(f.unsubscribeRate))])
    }
}
