import Charts
import CRMData
import Foundation
import Formatting
import Reports

/// `crm-report generate` as a pipeline of named steps: read, compute, draw, render, publish.
/// Each step reports progress and adds its name to any error.
public struct ReportRun {
    public let config: ReportConfig
    public let templates: Templates
    public var log: @Sendable (String) -> Void
    /// For tests: runs between writing the staged period and swapping it into place.
    public var beforeSwap: () throws -> Void = {}

    public init(config: ReportConfig, templates: Templates, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.config = config
        self.templates = templates
        self.log = log
    }

    public struct Outcome: Sendable {
        public let periodFolder: URL
        public let label: String
        public let badRows: Int
    }

    static let steps = ["reading the database", "computing, drawing and rendering the reports", "writing report.json", "publishing"]

    /// Progress with the seconds since the run began (standard error only, never in a file).
    func step(_ i: Int, since start: Date) {
        log("[\(i + 1)/\(Self.steps.count)] \(Self.steps[i]) (\(String(format: "%.1f", Date().timeIntervalSince(start))) s)")
    }

    public func generate() async throws -> Outcome {
        let resolved = try ResolvedRun(config)
        let locale = ReportLocale(rawValue: config.locale) ?? .en
        let words = Words(locale)
        let format = NumberFormat(locale: locale, currency: config.currency)

        let started = Date()
        step(0, since: started)
        let dbPath = resolved.dbPath
        // A file is named by its SHA-256; a PostgreSQL server by its version and snapshot (`sourceIdentity`).
        let hashing = Task.detached { DatabaseLocation.isPostgres(dbPath) ? nil : try Provenance.sha256(ofFile: dbPath) }
        var reader = SnapshotReader(path: dbPath, asOf: resolved.asOf, zone: resolved.zone)
        reader.schema = config.schema
        let log = self.log
        reader.progress = { table in log("      reading \(table) (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)") }
        let snapshot = try reader.read()
        let provenance = Provenance(asOf: CivilDate.iso(resolved.asOfDay), timezone: config.timezone,
                                    configHash: Provenance.sha256(of: config.canonicalText),
                                    databaseSHA256: try await hashing.value ?? snapshot.sourceIdentity ?? "")

        step(1, since: started)
        let period = ReportPeriod.latest(config.period, asOfDay: resolved.asOfDay)
        let sections = ReportSections.all
        let frame = PageFrame(words: words, format: format, period: period, provenance: provenance,
                              pages: sections.map { ($0.file, $0.navKey) })
        let context = SectionContext(snapshot: snapshot, config: config, period: period, frame: frame)
        var files: [(String, Data)] = []
        var json: [(String, JSONValue)] = []
        var notes = snapshot.notes
        // The sections are independent pure functions of the snapshot: build them on both cores,
        // then take their outputs in navigation order, so the files never depend on which finished first.
        let templates = self.templates
        let outputs = try await withThrowingTaskGroup(of: (Int, SectionOutput).self) { group in
            for (i, section) in sections.enumerated() {
                group.addTask { (i, try section.build(context, templates: templates)) }
            }
            var byIndex: [Int: SectionOutput] = [:]
            for try await (i, out) in group { byIndex[i] = out }
            return sections.indices.compactMap { byIndex[$0] }
        }
        for out in outputs {
            files += out.files
            json += out.json
            notes += out.notes
        }
        step(2, since: started)
        let document = ReportJSON.document(snapshot: snapshot, period: period, provenance: provenance, config: config,
                                           sections: json, notes: notes)
        files.append(("report.json", Data(document.text().utf8)))

        step(3, since: started)
        let root = URL(fileURLWithPath: config.out)
        var publisher = Publisher(outputRoot: root)
        publisher.beforeSwap = beforeSwap
        try publisher.publish(period: period.label, files: files)
        let archive = ArchivePage(outputRoot: root, words: words, format: format, provenance: provenance)
        try publisher.replaceRootFile("index.html", Data(try templates.render("archive", archive.context()).utf8))
        return Outcome(periodFolder: root.appendingPathComponent(period.label), label: period.label, badRows: snapshot.badRows.entries.count)
    }
}

/// The settings every command resolves the same way: the database, the zone, the as-of moment.
public struct ResolvedRun: Sendable {
    public let dbPath: String
    public let zone: ZoneClock
    public let asOfDay: Int
    public let asOf: Instant

    public init(_ config: ReportConfig) throws {
        guard let db = config.db else { throw CRMError("no database given: pass --db PATH or set 'db:' in the config file") }
        guard let zone = ZoneClock(identifier: config.timezone) else { throw CRMError("timezone: unknown time zone '\(config.timezone)'") }
        let today = zone.day(of: Instant(ms: Int64(Date().timeIntervalSince1970 * 1000)))
        let day: Int
        if let text = config.asOf {
            guard let d = CivilDate.parse(text) else { throw CRMError("as-of: expected a date YYYY-MM-DD, got '\(text)'") }
            day = d
        } else {
            day = today
        }
        dbPath = db
        self.zone = zone
        asOfDay = day
        asOf = zone.startOfDay(day)
    }
}
