@testable import Site
import Testing

/// How the PDF edition fits a table to the page's width.
@Suite("PDF layout")
struct PDFLayoutTests {
    @Test("the long label column gives way; the figures keep their width")
    func fit() {
        #expect(PDFLayout.fit([300, 50, 60, 40], into: 300) == [150, 50, 60, 40])
        #expect(PDFLayout.fit([100, 100], into: 100) == [50, 50])
        #expect(PDFLayout.fit([10, 20], into: 100) == [10, 20])
    }
}
