import CRMData
import Formatting
import Reports
import Results

/// report.json, schema_version 1 (outputs.md): rates as fractions, money in major units,
/// keys in a fixed order, null where a figure cannot be computed, never NaN.
enum ReportJSON {
    /// The document: the header fields, then each section's keys in order, then the notes.
    static func document(_ r: ComputedReport, provenance: Provenance, config: ReportConfig) -> JSONValue {
        let p = r.period
        var pairs: [(String, JSONValue)] = [
            ("schema_version", .int(1)),
            ("generator", .string(Provenance.generator)),
            ("as_of", .string(provenance.asOf)),
            ("timezone", .string(provenance.timezone)),
            ("currency", .string(config.currency)),
            ("period", .object([("kind", .string(p.kind.rawValue)), ("label", .string(p.label)),
                                ("start", .string(CivilDate.iso(p.startDay))), ("end", .string(CivilDate.iso(p.endDay)))])),
            ("source", source(r.dataQuality, provenance)),
        ]
        pairs += [
            ("summary", summaryJSON(r.summary)),
            ("funnel", FunnelPage.json(r.funnel)),
            ("cohorts", CohortsPage.json(r.cohorts)),
            ("rfm", RFMPage.json(r.rfm)),
            ("campaigns", campaigns(r.campaigns, zone: r.zone)),
            ("data_quality", dataQuality(r.dataQuality)),
        ]
        pairs.append(("notes", .array(r.notes.map { note in
            let id = [note.section, note.reason.id].compactMap { $0 }.joined(separator: ".")
            let text = [note.section, note.reason.english].compactMap { $0 }.joined(separator: ": ")
            return .object([("id", .string(id)), ("text", .string(text))])
        })))
        return .object(pairs)
    }

    static func source(_ d: DataQualityReport, _ p: Provenance) -> JSONValue {
        let rows = d.rowsRead.map { ($0.table, JSONValue.int($0.rows)) }
        return .object([("sha256", .string(p.databaseSHA256)), ("config_sha256", .string(p.configHash)), ("rows", .object(rows))])
    }

    static func summaryJSON(_ r: SummaryReport) -> JSONValue {
        .object(SummaryMetric.allCases.map { m in
            let f = r[m]
            var fields: [(String, JSONValue)] = [("current", .num(f.current)), ("previous", .num(f.previous)), ("year_ago", .num(f.yearAgo))]
            fields.append(("trend", .array(f.trend.map { .num($0) })))
            if let reason = f.unavailable { fields.append(("note", .string(reason.english))) }
            return (m.rawValue, .object(fields))
        })
    }

    static func dataQuality(_ d: DataQualityReport) -> JSONValue {
        .object([("bad_rows", .array(d.badRowCounts.map {
            .object([("table", .string($0.table)), ("reason", .string($0.reason.id)), ("count", .int($0.count))])
        }))])
    }
}
