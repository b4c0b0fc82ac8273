import Charts
import CRMData
import Foundation
import Formatting
import Reports

/// Everything a section of the site may read: the snapshot, the settings, the period,
/// and the page frame (language, number format, navigation, footer).
public struct SectionContext: Sendable {
    public let snapshot: Snapshot
    public let config: ReportConfig
    public let period: ReportPeriod
    let frame: PageFrame
    public var words: Words { frame.words }
    public var format: NumberFormat { frame.format }
}

/// What a section publishes: its files (pages, charts, findings) and its report.json sections.
public struct SectionOutput: Sendable {
    public var files: [(String, Data)] = []
    public var json: [(String, JSONValue)] = []
    /// Added to report.json's `notes`: e.g. why a section is null.
    public var notes: [String] = []
    public init() {}

    public mutating func add(_ path: String, _ text: String) { files.append((path, Data(text.utf8))) }

    /// Every chart as SVG and PNG under charts/.
    public mutating func add(_ charts: [RenderedChart]) {
        for c in charts {
            add("charts/\(c.id).svg", c.svg)
            files.append(("charts/\(c.id).png", Data(c.png)))
        }
    }
}

/// One page of a period's site: it computes its report from the snapshot (pure), draws its
/// charts, renders its page and contributes to report.json. Adding a report is adding a
/// section and listing it in `ReportSections.all`.
protocol ReportSection {
    /// The page file, e.g. "funnel.html"; also its place in the navigation.
    static var file: String { get }
    /// The `Words` key of its navigation label.
    static var navKey: String { get }
    static func build(_ context: SectionContext, templates: Templates) throws -> SectionOutput
    /// The section's own page words, by key (prefix them with the section's name).
    static func words(_ locale: ReportLocale) -> [String: String]
}

extension ReportSection {
    static func words(_ locale: ReportLocale) -> [String: String] { [:] }
}

enum ReportSections {
    /// In navigation order; report.json takes the sections' keys in this order too (data quality last).
    static let all: [any ReportSection.Type] = [SummarySection.self, FunnelSection.self, CohortsSection.self, RFMSection.self,
                                                CampaignsSection.self, DataQualitySection.self]
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
