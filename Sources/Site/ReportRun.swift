import Audits
import Charts
import CRMData
import Foundation
import Formatting
import Reports
import Results

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
        /// The computed results, for the exit-code decision (`--fail-on`) and for callers.
        public let results: ComputedReport
    }

    /// Runs one step: its progress line (`[i/n] name (seconds)`) first, and its name on any error.
    func step<T>(_ step: RunStep, since start: Date, _ body: () async throws -> T) async throws -> T {
        log("[\(step.number)/\(RunStep.allCases.count)] \(step.title) (\(String(format: "%.1f", Date().timeIntervalSince(start))) s)")
        CrashLine.setStep(step.title)
        do { return try await body() } catch let e as CRMError {
            throw CRMError("\(step.title): \(e.message)", kind: e.kind)
        }
    }

    public func generate() async throws -> Outcome {
        let resolved = try ResolvedRun(config)
        let locale = config.locale
        let words = Words(locale)
        let format = NumberFormat(locale: locale, currency: config.currency)
        let started = Date()
        let log = self.log

        // Before any work, and named by themselves: the database must be readable and the output folder ours to write.
        var reader = try resolved.reader(config, since: started) { log("      \($0)") }
        try Publisher(outputRoot: URL(fileURLWithPath: config.out)).checkOutputRoot()

        // Validating every phone is most of the audits' cost: it starts as soon as the contacts are read.
        let early = EarlyValidation(settings: ValidationSettings(config: config))
        let (snapshot, provenance) = try await step(.read, since: started) {
            let dbPath = resolved.dbPath
            let hashing = Provenance.hashingDatabase(at: dbPath)
            reader.contactsRead = { early.start($0) }
            let snapshot = try reader.read()
            let provenance = try Provenance(config: config, asOfDay: resolved.asOfDay,
                                        databaseSHA256: Provenance.databaseIdentity(hashed: try await hashing.value, snapshot: snapshot))
            return (snapshot, provenance)
        }
        let period = ReportPeriod.latest(config.period, asOfDay: resolved.asOfDay)
        let results = try await step(.compute, since: started) {
            try await ReportComputation.compute(snapshot, config: config, period: period, early: early)
        }

        let sections = ReportSections.all
        let frame = PageFrame(words: words, format: format, period: period, provenance: provenance,
                              pages: sections.map { ($0.file, $0.navKey) })
        let context = SectionContext(results: results, config: config, frame: frame)
        // The sections are independent: draw them on both cores, then take them in navigation
        // order, so the files never depend on which finished first.
        let charts = try await step(.draw, since: started) {
            try await Self.inOrder(sections.map { section in { section.charts(context) } })
        }
        let templates = self.templates
        var files = try await step(.render, since: started) { () async throws -> SectionFiles in
            // Every page, findings file, edition and report.json on its own task, so both cores render.
            let drawn = zip(sections, charts).map { DrawnSection(section: $0, charts: $1) }
            var jobs: [@Sendable () throws -> SectionFiles] = drawn.map { d in
                { try d.section.render(context, charts: d.charts, templates: templates) }
            }
            jobs += sections.flatMap { $0.findings(context) }.map { file in { [(file.path, try file.make())] } }
            jobs += ReportEditions.all.map { edition in { try edition.render(context, drawn: drawn, templates: templates) } }
            let currency = config.currency
            jobs.append { [("report.json", Data(try ReportDocument(results, provenance: provenance, currency: currency).text().utf8))] }
            let files = try await Self.inOrder(jobs).flatMap { $0 }
            // Last: the hashes of every findings file, with the run's provenance.
            return files + (try FindingsManifest.files(for: files, provenance: try ProvenanceDoc(provenance, config: config),
                                                       results: results))
        }
        files.sort { $0.0 < $1.0 }

        try await step(.publish, since: started) {
            let root = URL(fileURLWithPath: config.out)
            var publisher = Publisher(outputRoot: root)
            publisher.beforeSwap = beforeSwap
            try publisher.publish(period: period.label, files: files)
            try ArchivePage.rebuild(outputRoot: root, locale: locale, currency: config.currency, templates: templates)
        }
        return Outcome(periodFolder: URL(fileURLWithPath: config.out).appendingPathComponent(period.label), label: period.label,
                       badRows: results.dataQuality.badRowTotal, results: results)
    }

    /// The jobs run concurrently; their results come back in the jobs' order, so the files never
    /// depend on which finished first.
    static func inOrder<T: Sendable>(_ jobs: [@Sendable () throws -> T]) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            for (i, job) in jobs.enumerated() { group.addTask { (i, try job()) } }
            var byIndex: [Int: T] = [:]
            for try await (i, out) in group { byIndex[i] = out }
            return jobs.indices.compactMap { byIndex[$0] }
        }
    }
}

/// The steps of `generate`, in order: the progress lines and the error context come from this list.
public enum RunStep: Int, CaseIterable, Sendable {
    case read, compute, draw, render, publish

    public var number: Int { rawValue + 1 }

    public var title: String {
        switch self {
        case .read: return "reading the database"
        case .compute: return "computing the reports"
        case .draw: return "drawing the charts"
        case .render: return "rendering the pages, the e-mail and PDF editions and report.json"
        case .publish: return "publishing"
        }
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

    /// The run's database reader, set up the one way every command reads: a file is checked first
    /// (a folder or a FIFO is a clean exit 2, never a crash or a hang), the busy timeout and the
    /// PostgreSQL schema come from the config, and each table's progress line gives the seconds
    /// since `started`.
    public func reader(_ config: ReportConfig, since started: Date, progress: @escaping @Sendable (String) -> Void) throws -> SnapshotReader {
        if !DatabaseLocation.isPostgres(dbPath) { try SnapshotReader.checkFile(path: dbPath) }
        CrashLine.setStep("reading the database")
        var reader = SnapshotReader(path: dbPath, asOf: asOf, zone: zone)
        reader.busyTimeout = Double(config.busyTimeoutSeconds)
        reader.statementTimeout = config.statementTimeoutSeconds
        reader.schema = config.schema
        reader.progress = { table in progress("reading \(table) (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)") }
        return reader
    }
}
