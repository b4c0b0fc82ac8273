import Audits
import CRMData
import Formatting
import Reports
import Results

/// report.json, schema_version 2 (outputs.md), as types: rates as fractions, money in major
/// units, dates as ISO strings, null where a figure cannot be computed. Written with sorted
/// keys (`JSONValueEncoder`); the archive page reads earlier periods back through the same types.
public struct ReportDocument: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var generator: String
    public var asOf: String
    public var timezone: String
    public var currency: String
    public var period: PeriodDoc
    public var source: SourceDoc
    public var summary: [String: FigureDoc]
    /// nil when `deals` is absent (see `notes`).
    public var funnel: [PipelineDoc]?
    public var cohorts: CohortsDoc
    public var rfm: RFMDoc
    /// nil when `campaigns` or `campaign_members` is absent.
    public var campaigns: [CampaignDoc]?
    public var dataQuality: DataQualityDoc
    /// nil when the audit did not run.
    public var staleContacts: StaleContactsDoc?
    /// nil when `consents` or `messages` is absent.
    public var consent: ConsentDoc?
    /// The audit settings in force and the gate's verdict (schema 2; nil when read from a schema 1 file).
    public var settings: SettingsDoc?
    public var gate: GateDoc?
    public var notes: [NoteDoc]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", generator, asOf = "as_of", timezone, currency, period, source, summary
        case funnel, cohorts, rfm, campaigns, dataQuality = "data_quality", staleContacts = "stale_contacts", consent, notes, settings, gate
    }

    /// 2: `settings`, `gate`, the waiver counts of both audits (CHANGELOG.md).
    public static let schemaVersion = 2

    /// The pretty, sorted-key text of report.json.
    public func text() throws -> String { try JSONValueEncoder.encode(self).text() }
}

public struct PeriodDoc: Codable, Sendable, Equatable {
    public var kind: String
    public var label: String
    public var start: String
    /// Exclusive.
    public var end: String
}

public struct SourceDoc: Codable, Sendable, Equatable {
    public var sha256: String
    public var configSha256: String
    public var rows: [String: Int]
    enum CodingKeys: String, CodingKey { case sha256, configSha256 = "config_sha256", rows }
}

/// A summary figure for the period, the previous one and a year ago, with its 26-period trend.
public struct FigureDoc: Codable, Sendable, Equatable {
    public var current: Double?
    public var previous: Double?
    public var yearAgo: Double?
    public var trend: [Double?]
    /// current − previous and its relative change (null over a zero base: "new").
    public var vsPrevious: DeltaDoc?
    public var vsYearAgo: DeltaDoc?
    /// Why the figure is null (English); nil when it is known.
    public var note: String?
    enum CodingKeys: String, CodingKey {
        case current, previous, yearAgo = "year_ago", trend, vsPrevious = "vs_previous", vsYearAgo = "vs_year_ago", note
    }
}

public struct DeltaDoc: Codable, Sendable, Equatable {
    public var absolute: Double
    public var relative: Double?
    init(_ d: Delta) {
        absolute = d.absolute
        relative = d.relative
    }
}

/// A reason a section or figure is left out: a stable id for machines and the English text.
public struct NoteDoc: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
}

public struct DataQualityDoc: Codable, Sendable, Equatable {
    public struct Count: Codable, Sendable, Equatable {
        public var table: String
        public var reason: String
        public var count: Int
    }
    public var badRows: [Count]
    enum CodingKeys: String, CodingKey { case badRows = "bad_rows" }
}

extension ReportDocument {
    public init(_ r: ComputedReport, provenance: Provenance, currency: String) {
        let p = r.period
        schemaVersion = Self.schemaVersion
        generator = Provenance.generator
        asOf = provenance.asOf
        timezone = provenance.timezone
        self.currency = currency
        period = PeriodDoc(kind: p.kind.rawValue, label: p.label, start: CivilDate.iso(p.startDay), end: CivilDate.iso(p.endDay))
        source = SourceDoc(sha256: provenance.databaseSHA256, configSha256: provenance.configHash,
                           rows: Dictionary(r.dataQuality.rowsRead.map { ($0.table, $0.rows) }, uniquingKeysWith: { a, _ in a }))
        summary = Dictionary(SummaryMetric.allCases.map { m in
            let f = r.summary[m]
            return (m.rawValue, FigureDoc(current: f.current, previous: f.previous, yearAgo: f.yearAgo, trend: f.trend,
                                          vsPrevious: f.vsPrevious.map(DeltaDoc.init), vsYearAgo: f.vsYearAgo.map(DeltaDoc.init),
                                          note: f.unavailable?.english))
        }, uniquingKeysWith: { a, _ in a })
        funnel = r.funnel.unavailable == nil ? r.funnel.pipelines.map(PipelineDoc.init) : nil
        cohorts = CohortsDoc(r.cohorts)
        rfm = RFMDoc(r.rfm)
        campaigns = r.campaigns.unavailable == nil ? r.campaigns.campaigns.map { CampaignDoc($0, zone: r.zone) } : nil
        staleContacts = r.audits.stale.map(StaleContactsDoc.init)
        consent = r.audits.consent.flatMap { $0.audit.ranAny ? ConsentDoc($0) : nil }
        settings = r.audits.settings.map(SettingsDoc.init)
        gate = r.audits.settings.map { _ in GateDoc(r.audits.verdict) }
        dataQuality = DataQualityDoc(badRows: r.dataQuality.badRowCounts.map { .init(table: $0.table, reason: $0.reason.id, count: $0.count) })
        notes = r.notes.map { note in
            NoteDoc(id: [note.section, note.reason.id].compactMap { $0 }.joined(separator: "."),
                    text: [note.section, note.reason.english].compactMap { $0 }.joined(separator: ": "))
        }
    }
}
