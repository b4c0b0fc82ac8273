import CRMData
import Formatting
import Reports

/// report.json, schema_version 1 (outputs.md): rates as fractions, money in major units,
/// keys in a fixed order, null where a figure cannot be computed, never NaN.
enum ReportJSON {
    /// The document: the header fields, then each section's keys in order, then the notes.
    static func document(snapshot: Snapshot, period p: ReportPeriod, provenance: Provenance, config: ReportConfig,
                         sections: [(String, JSONValue)], notes: [String]) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("schema_version", .int(1)),
            ("generator", .string(Provenance.generator)),
            ("as_of", .string(provenance.asOf)),
            ("timezone", .string(provenance.timezone)),
            ("currency", .string(config.currency)),
            ("period", .object([("kind", .string(p.kind.rawValue)), ("label", .string(p.label)),
                                ("start", .string(CivilDate.iso(p.startDay))), ("end", .string(CivilDate.iso(p.endDay)))])),
            ("source", source(snapshot, provenance)),
        ]
        pairs += sections
        pairs.append(("notes", .array(notes.map { .string($0) })))
        return .object(pairs)
    }

    static func source(_ s: Snapshot, _ p: Provenance) -> JSONValue {
        let rows = SchemaContract.v1.tables.compactMap { t in s.rowCounts[t.name].map { (t.name, JSONValue.int($0)) } }
        return .object([("sha256", .string(p.databaseSHA256)), ("config_sha256", .string(p.configHash)), ("rows", .object(rows))])
    }

    static func summaryJSON(_ r: SummaryReport) -> JSONValue {
        .object(SummaryMetric.allCases.map { m in
            let f = r[m]
            var fields: [(String, JSONValue)] = [("current", .num(f.current)), ("previous", .num(f.previous)), ("year_ago", .num(f.yearAgo))]
            fields.append(("trend", .array(f.trend.map { .num($0) })))
            if let reason = f.unavailable { fields.append(("note", .string(reason))) }
            return (m.rawValue, .object(fields))
        })
    }

    static func dataQuality(_ s: Snapshot) -> JSONValue {
        .object([("bad_rows", .array(s.badRows.counts.map {
            .object([("table", .string($0.table)), ("reason", .string($0.reason.id)), ("count", .int($0.count))])
        }))])
    }
}
