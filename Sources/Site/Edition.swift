import Charts
import Foundation

/// Another way to read the same period: the e-mail edition, the PDF. An edition is one more
/// renderer of the computed results and of the charts the sections already drew; it computes
/// nothing. Adding an edition is adding a type and listing it in `ReportEditions.all`.
protocol Edition: Sendable {
    /// The files it writes inside the period folder (the render step).
    static func render(_ context: SectionContext, drawn: [DrawnSection], templates: Templates) throws -> SectionFiles
}

/// A section of the site with the charts the draw step made for it.
struct DrawnSection: Sendable {
    let section: any ReportSection.Type
    let charts: [RenderedChart]

    /// The charts shown on wide screens and in print: not the phone variants, not the sparklines.
    var wideCharts: [RenderedChart] { charts.filter { !$0.id.hasSuffix("-narrow") && !$0.id.hasPrefix("spark-") } }
}

extension Array where Element == DrawnSection {
    /// Every chart of every section by id (ids are unique across the site: they name files in charts/).
    var chartsByID: [String: RenderedChart] {
        Dictionary(flatMap(\.charts).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func of(_ section: any ReportSection.Type) -> DrawnSection? { first { ObjectIdentifier($0.section) == ObjectIdentifier(section) } }
}

enum ReportEditions {
    static let all: [any Edition.Type] = [EmailEdition.self, EmailMessage.self, PDFEdition.self]
}
