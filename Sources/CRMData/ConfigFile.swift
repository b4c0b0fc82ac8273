import Formatting
import Foundation
import Mail
import Yams

/// Reads report.yml into a `ReportConfig`, strictly: an unknown key or a value of
/// the wrong kind is an error naming the key, so a typo is never silently ignored.
public enum ConfigFile {
    public static func load(path: String, into config: inout ReportConfig) throws {
        // A folder or a device is never a config (reading one crashes or never ends). A pipe is
        // allowed, for `--config <(...)`.
        var st = stat()
        if stat(path, &st) == 0, st.st_mode & S_IFMT != S_IFIFO, let what = DatabaseFile.kindName(st.st_mode) {
            throw CRMError("config file is \(what), not a regular file: \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CRMError("config file not found or unreadable: \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CRMError("config file is not UTF-8 text: \(path)")
        }
        try apply(yaml: text, source: path, to: &config)
    }

    public static func apply(yaml: String, source: String = "config", to config: inout ReportConfig) throws {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch {
            throw CRMError(oneLine("\(source): not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")"))
        }
        guard let root = node else { return }   // empty file: all defaults
        var reader = Reader(source: source)
        try reader.apply(root, to: &config)
    }

    /// Control characters escaped (`\n`, `\u{7}`), so a message echoing the file's text stays one line.
    static func oneLine(_ s: String) -> String {
        s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? $0.escaped(asASCII: true) : String($0) }.joined()
    }

    struct Reader {
        let source: String

        /// One line whatever the file holds: keys and values are echoed with control characters escaped.
        func fail(_ key: String, _ what: String) -> CRMError {
            CRMError(ConfigFile.oneLine("\(source): \(key): \(what)"))
        }

        func mapping(_ node: Node, _ key: String) throws -> [(String, Node)] {
            guard let m = node.mapping else { throw fail(key, "expected a mapping of keys") }
            return try m.map { pair in
                guard let k = pair.key.string else { throw fail(key, "keys must be text") }
                return (k, pair.value)
            }
        }

        func int(_ node: Node, _ key: String, min: Int = 0, max: Int = 100_000) throws -> Int {
            guard let v = node.int, node.scalar != nil else { throw fail(key, "expected a whole number, got '\(node.string ?? "?")'") }
            guard v >= min, v <= max else { throw fail(key, "must be between \(min) and \(max), got \(v)") }
            return v
        }

        func string(_ node: Node, _ key: String) throws -> String {
            // Stage names and such reach the pages: cleaned of control characters as database text is.
            guard let s = (node.scalar?.string).map({ CleanText.string($0) }), !s.isEmpty else { throw fail(key, "expected text") }
            return s
        }

        func bool(_ node: Node, _ key: String) throws -> Bool {
            guard let b = node.bool else { throw fail(key, "expected true or false, got '\(node.string ?? "?")'") }
            return b
        }

        func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ key: String, _: T.Type) throws -> T where T.RawValue == String {
            let s = try string(node, key)
            guard let v = T(rawValue: s) else {
                throw fail(key, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), got '\(s)'")
            }
            return v
        }

        func strings(_ node: Node, _ key: String) throws -> [String] {
            guard let seq = node.sequence else { throw fail(key, "expected a list") }
            return try seq.enumerated().map { try string($0.element, "\(key)[\($0.offset)]") }
        }

        func unknown(_ key: String, _ known: [String]) -> CRMError {
            fail(key, "unknown key (known here: \(known.joined(separator: ", ")))")
        }

        mutating func apply(_ root: Node, to c: inout ReportConfig) throws {
            let top = ["db", "schema", "out", "as_of", "period", "locale", "currency", "timezone", "show_pii", "fail_on", "busy_timeout_seconds", "statement_timeout_seconds", "site_url", "junit",
                       "email", "funnel", "cohorts", "rfm", "campaigns", "stale", "consent"]
            for (key, value) in try mapping(root, "(top level)") {
                switch key {
                case "db": c.db = try string(value, key)
                case "schema": c.schema = try string(value, key)
                case "out": c.out = try string(value, key)
                case "as_of":
                    let s = try string(value, key)
                    guard CivilDate.parse(s) != nil else { throw fail(key, "expected a date YYYY-MM-DD, got '\(s)'") }
                    c.asOf = s
                case "period": c.period = try choice(value, key, ReportConfig.PeriodKind.self)
                case "locale": c.locale = try choice(value, key, ReportLocale.self)
                case "currency":
                    let s = try string(value, key)
                    if let problem = CurrencyCode.problem(s) { throw fail(key, problem) }
                    c.currency = s
                case "timezone":
                    let s = try string(value, key)
                    guard TimeZone(identifier: s) != nil else { throw fail(key, "unknown time zone '\(s)' (use an IANA name such as Europe/Moscow)") }
                    c.timezone = s
                case "show_pii": c.showPII = try bool(value, key)
                case "fail_on": c.failOn = try choice(value, key, ReportConfig.FailOn.self)
                case "junit": c.junit = try string(value, key)
                case "busy_timeout_seconds": c.busyTimeoutSeconds = try int(value, key, min: 0, max: 3600)
                case "statement_timeout_seconds": c.statementTimeoutSeconds = try int(value, key, min: 1, max: 86400)
                case "site_url":
                    let s = try string(value, key)
                    guard let url = ReportConfig.siteURL(s) else { throw fail(key, ReportConfig.siteURLProblem(s)) }
                    c.siteURL = url
                case "email": try email(value, &c)
                case "funnel": try funnel(value, &c)
                case "cohorts": try cohorts(value, &c)
                case "rfm":
                    for (k, v) in try mapping(value, key) {
                        switch k {
                        case "window_days": c.rfmWindowDays = try int(v, "rfm.window_days", min: 1, max: 3650)
                        default: throw unknown("rfm.\(k)", ["window_days"])
                        }
                    }
                case "campaigns":
                    for (k, v) in try mapping(value, key) {
                        switch k {
                        case "window_days": c.campaignWindowDays = try int(v, "campaigns.window_days", min: 1, max: 365)
                        case "persistence_days": c.campaignPersistenceDays = try int(v, "campaigns.persistence_days", min: 1, max: 3650)
                        default: throw unknown("campaigns.\(k)", ["window_days", "persistence_days"])
                        }
                    }
                case "stale": try stale(value, &c)
                case "consent": try consent(value, &c)
                default: throw unknown(key, top)
                }
            }
        }

        func email(_ node: Node, _ c: inout ReportConfig) throws {
            func mailbox(_ text: String, _ key: String) throws -> Mailbox {
                guard let m = ReportConfig.mailbox(text) else {
                    throw fail(key, "expected an address such as reports@example.com or 'CRM report <reports@example.com>', got '\(text)'")
                }
                return m
            }
            for (k, v) in try mapping(node, "email") {
                switch k {
                case "from": c.emailFrom = try mailbox(try string(v, "email.from"), "email.from")
                case "to":
                    // A list, or one line of addresses separated by commas.
                    let list = try v.sequence != nil ? strings(v, "email.to")
                        : string(v, "email.to").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    c.emailTo = try list.enumerated().map { try mailbox($0.element, "email.to[\($0.offset)]") }
                default: throw unknown("email.\(k)", ["from", "to"])
                }
            }
        }

        func funnel(_ node: Node, _ c: inout ReportConfig) throws {
            for (k, v) in try mapping(node, "funnel") {
                switch k {
                case "window_weeks": c.funnelWindowWeeks = try int(v, "funnel.window_weeks", min: 1, max: 5200)
                case "min_group": c.funnelMinGroup = try int(v, "funnel.min_group", min: 1, max: 1_000_000)
                case "stages":
                    for (pipeline, list) in try mapping(v, "funnel.stages") {
                        let stages = try strings(list, "funnel.stages.\(pipeline)")
                        guard !stages.isEmpty, Set(stages).count == stages.count else {
                            throw fail("funnel.stages.\(pipeline)", "expected a non-empty list of distinct stages")
                        }
                        c.funnelStages[pipeline] = stages
                    }
                default: throw unknown("funnel.\(k)", ["window_weeks", "min_group", "stages"])
                }
            }
        }

        func cohorts(_ node: Node, _ c: inout ReportConfig) throws {
            for (k, v) in try mapping(node, "cohorts") {
                switch k {
                case "grain": c.cohortGrain = try choice(v, "cohorts.grain", ReportConfig.Grain.self)
                case "count": c.cohortCount = try int(v, "cohorts.count", min: 1, max: 120)
                default: throw unknown("cohorts.\(k)", ["grain", "count"])
                }
            }
        }

        func severities(_ node: Node, _ key: String) throws -> [String: String] {
            var out: [String: String] = [:]
            for (k, v) in try mapping(node, key) {
                let s = try string(v, "\(key).\(k)")
                guard ["violation", "warning", "info"].contains(s) else {
                    throw fail("\(key).\(k)", "must be one of violation, warning, info, got '\(s)'")
                }
                out[k] = s
            }
            return out
        }

        /// `check: 5` (a count) or `check: 0.01` (a share, below 1); see `Threshold`.
        func thresholds(_ node: Node, _ key: String) throws -> [String: Threshold] {
            var out: [String: Threshold] = [:]
            for (check, v) in try mapping(node, key) {
                let name = "\(key).\(check)"
                guard v.scalar != nil else { throw fail(name, "expected a count (a whole number) or a share (a number below 1)") }
                if let n = v.int {
                    guard n >= 0 else { throw fail(name, "a count must be 0 or more, got \(n)") }
                    out[check] = .count(n)
                } else if let text = v.string, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) || (text.first == "+" && text.dropFirst().allSatisfy(\.isNumber)) {
                    // A whole number too large for a count: YAML reads it as a float, but it is no share.
                    throw fail(name, "a count must be at most \(Int.max), got \(text)")
                } else if let d = v.float, d.isFinite {
                    guard d >= 0, d < 1 else {
                        throw fail(name, "a share must be at least 0 and below 1 (write a count as a whole number), got '\(v.string ?? "?")'")
                    }
                    out[check] = .share(d)
                } else {
                    throw fail(name, "expected a count (a whole number) or a share (a number below 1), got '\(v.string ?? "?")'")
                }
            }
            return out
        }

        /// `skip: [check, ...]`: check ids, sorted and without repeats (the ids are checked against
        /// the audit's checks when its gate is set up).
        func checkList(_ node: Node, _ key: String) throws -> [String] {
            Array(Set(try strings(node, key))).sorted()
        }

        func stale(_ node: Node, _ c: inout ReportConfig) throws {
            let known = ["verify_days", "default_region", "dormant_days", "role_addresses", "disposable_domains", "severity", "thresholds", "skip"]
            for (k, v) in try mapping(node, "stale") {
                switch k {
                case "verify_days": c.staleVerifyDays = try int(v, "stale.verify_days", min: 1, max: 36500)
                case "default_region":
                    let s = try string(v, "stale.default_region")
                    guard s.count == 2, s.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                        throw fail("stale.default_region", "expected a two-letter region code such as RU, got '\(s)'")
                    }
                    c.staleDefaultRegion = s
                case "dormant_days":
                    if v.scalar != nil {
                        let d = try int(v, "stale.dormant_days", min: 1, max: 36500)
                        c.staleDormantDaysB2C = d
                        c.staleDormantDaysB2B = d
                    } else {
                        for (seg, dv) in try mapping(v, "stale.dormant_days") {
                            switch seg {
                            case "b2c": c.staleDormantDaysB2C = try int(dv, "stale.dormant_days.b2c", min: 1, max: 36500)
                            case "b2b": c.staleDormantDaysB2B = try int(dv, "stale.dormant_days.b2b", min: 1, max: 36500)
                            default: throw unknown("stale.dormant_days.\(seg)", ["b2c", "b2b"])
                            }
                        }
                    }
                case "role_addresses": c.staleRoleAddresses = try strings(v, "stale.role_addresses").map { $0.lowercased() }
                case "disposable_domains": c.staleDisposableDomains = try strings(v, "stale.disposable_domains").map { $0.lowercased() }
                case "severity": c.staleSeverity = try severities(v, "stale.severity")
                case "thresholds": c.staleThresholds = try thresholds(v, "stale.thresholds")
                case "skip": c.staleSkip = try checkList(v, "stale.skip")
                default: throw unknown("stale.\(k)", known)
                }
            }
        }

        func consent(_ node: Node, _ c: inout ReportConfig) throws {
            let known = ["grace_days", "reconfirm_days", "min_age", "erasure_days", "waivers", "severity", "thresholds", "skip"]
            for (k, v) in try mapping(node, "consent") {
                switch k {
                case "grace_days": c.consentGraceDays = try int(v, "consent.grace_days", min: 0, max: 365)
                case "reconfirm_days": c.consentReconfirmDays = try int(v, "consent.reconfirm_days", min: 1, max: 36500)
                case "min_age": c.consentMinAge = try int(v, "consent.min_age", min: 0, max: 120)
                case "erasure_days": c.consentErasureDays = try int(v, "consent.erasure_days", min: 0, max: 3650)
                case "waivers": c.consentWaivers = try string(v, "consent.waivers")
                case "severity": c.consentSeverity = try severities(v, "consent.severity")
                case "thresholds": c.consentThresholds = try thresholds(v, "consent.thresholds")
                case "skip": c.consentSkip = try checkList(v, "consent.skip")
                default: throw unknown("consent.\(k)", known)
                }
            }
        }
    }
}

extension ReportConfig {
    /// A canonical text of every setting, one `key: value` a line in a fixed order;
    /// its hash names the configuration in page footers.
    public var canonicalText: String {
        func list(_ a: [String]) -> String { "[" + a.joined(separator: ", ") + "]" }
        func dict(_ d: [String: String]) -> String { "{" + d.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}" }
        var lines = [
            "period: \(period.rawValue)", "locale: \(locale.rawValue)", "currency: \(currency)", "timezone: \(timezone)",
            "show_pii: \(showPII)", "fail_on: \(failOn?.rawValue ?? "none")",
            "funnel.window_weeks: \(funnelWindowWeeks)", "funnel.min_group: \(funnelMinGroup)",
            "funnel.stages: {" + funnelStages.keys.sorted().map { "\($0): \(list(funnelStages[$0] ?? []))" }.joined(separator: ", ") + "}",
            "cohorts.grain: \(cohortGrain.rawValue)", "cohorts.count: \(cohortCount)",
            "rfm.window_days: \(rfmWindowDays)",
            "campaigns.window_days: \(campaignWindowDays)", "campaigns.persistence_days: \(campaignPersistenceDays)",
            "stale.verify_days: \(staleVerifyDays)", "stale.default_region: \(staleDefaultRegion)",
            "stale.dormant_days: {b2c: \(staleDormantDaysB2C), b2b: \(staleDormantDaysB2B)}",
            "stale.role_addresses: \(list(staleRoleAddresses))", "stale.disposable_domains: \(list(staleDisposableDomains))",
            "stale.severity: \(dict(staleSeverity))",
            "consent.grace_days: \(consentGraceDays)", "consent.reconfirm_days: \(consentReconfirmDays)",
            "consent.min_age: \(consentMinAge)", "consent.erasure_days: \(consentErasureDays)",
            "consent.waivers: \(consentWaivers ?? "none")", "consent.severity: \(dict(consentSeverity))",
        ]
        func thresholds(_ d: [String: Threshold]) -> String {
            "{" + d.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
        lines.append("consent.thresholds: \(thresholds(consentThresholds))")
        // Only when set, so the hash of every configuration written before this setting existed stays the same.
        if !staleThresholds.isEmpty { lines.append("stale.thresholds: \(thresholds(staleThresholds))") }
        if !staleSkip.isEmpty { lines.append("stale.skip: \(list(staleSkip))") }
        if !consentSkip.isEmpty { lines.append("consent.skip: \(list(consentSkip))") }
        return lines.joined(separator: "\n") + "\n"
    }
}
