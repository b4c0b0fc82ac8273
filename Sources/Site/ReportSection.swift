import Charts
import CRMData
import Foundation
import Formatting
import Reports
import Results

/// Everything a section of the site may read: the computed results, the settings, the period,
/// and the page frame (language, number format, navigation, footer). Never the snapshot.
public struct SectionContext: Sendable {
    public let results: ComputedReport
    public let config: ReportConfig
    let frame: PageFrame
    public var period: ReportPeriod { results.period }
    public var words: Words { frame.words }
    public var format: NumberFormat { frame.format }

    /// The notes of the run (absent tables and columns) in the page's language.
    var noteTexts: [String] { results.dataQuality.notes.map { words.reason($0) } }
}

/// The files a section publishes: path inside the period folder, and bytes.
typealias SectionFiles = [(String, Data)]

/// One page of a period's site. It draws its charts (the draw step) and renders its page and
/// findings files (the render step) from the computed results; it computes nothing.
/// Adding a page is adding a section and listing it in `ReportSections.all`.
protocol ReportSection: Sendable {
    /// The page file, e.g. "funnel.html"; also its place in the navigation.
    static var file: String { get }
    /// The `Words` key of its navigation label.
    static var navKey: String { get }
    /// The Mustache template of its page.
    static var template: String { get }
    /// Draws the section's charts (the draw step).
    static func charts(_ context: SectionContext) -> [RenderedChart]
    /// The page's view model: every figure already formatted; the template only places them.
    static func viewModel(_ context: SectionContext, charts: [RenderedChart]) -> [String: Any]
    /// Files besides the page, e.g. findings CSV.
    static func findings(_ context: SectionContext) -> [FindingsFile]
    /// The section's own page words, by key (prefix them with the section's name).
    static func words(_ locale: ReportLocale) -> [String: String]
}

extension ReportSection {
    static func words(_ locale: ReportLocale) -> [String: String] { [:] }
    static func charts(_ context: SectionContext) -> [RenderedChart] { [] }
    static func findings(_ context: SectionContext) -> [FindingsFile] { [] }

    /// The render step: the page from its view model, and its charts' files.
    static func render(_ context: SectionContext, charts: [RenderedChart], templates: Templates) throws -> SectionFiles {
        [(file, Data(try templates.render(template, viewModel(context, charts: charts)).utf8))] + chartFiles(charts)
    }
}

/// A file a section publishes beside its page (findings/*.csv, *.json): its path in the
/// period folder, and how to make it, so the render step can make each on a core of its own.
struct FindingsFile: Sendable {
    let path: String
    let make: @Sendable () throws -> Data

    init(_ path: String, make: @escaping @Sendable () throws -> Data) {
        self.path = path
        self.make = make
    }
}

/// Every chart as SVG and PNG under charts/.
func chartFiles(_ charts: [RenderedChart]) -> SectionFiles {
    charts.flatMap { c in [("charts/\(c.id).svg", Data(c.svg.utf8)), ("charts/\(c.id).png", Data(c.png))] }
}

enum ReportSections {
    /// In navigation order; report.json takes the sections' keys in this order too (data quality last).
    static let all: [any ReportSection.Type] = [SummarySection.self, FunnelSection.self, CohortsSection.self, RFMSection.self,
                                                CampaignsSection.self, AuditContactsSection.self, AuditConsentSection.self,
                                                DataQualitySection.self]
}

/// The template context of a chart shown as a figure: a wide and a narrow (phone) SVG file,
/// the text alternative, and the table of its numbers.
func figureContext(_ chart: RenderedChart, tableTitle: String) -> [String: Any] {
    ["alt": chart.altText, "id": chart.id, "width": chart.width, "height": chart.height, "table_title": tableTitle,
     "headers": chart.table.headers, "rows": chart.table.rows.map { ["cells": $0] }]
}

/// Renders a chart twice: at the content width and narrow for phones (id suffixed "-narrow").
func wideAndNarrow(_ draw: (_ id: String, _ size: ChartSize) -> RenderedChart, id: String) -> [RenderedChart] {
    [draw(id, .standard), draw("\(id)-narrow", .narrow)]
}
