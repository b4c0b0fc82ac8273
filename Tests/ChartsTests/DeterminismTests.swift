import Foundation
import Testing
@testable import Charts
import Formatting

func sampleSeries() -> RenderedChart {
    timeSeriesChart(id: "rev", title: "Revenue by week", subtitle: "Last 12 weeks",
                    current: weeks([10, 12, nil, 15, 14, 18, 21, 19, 22, 25, 24, 30].map { $0.map { $0 * 1000 } }),
                    currentLabel: "2026", comparison: weeks([9, 10, 11, 12, 12, 14, 15, 15, 16, 18, 19, 20].map { $0 * 1000 }),
                    comparisonLabel: "2025", value: .money, grain: .week, format: enF)
}

func sampleRu() -> RenderedChart {
    timeSeriesChart(id: "rev-ru", title: "Выручка", subtitle: nil, current: weeks([1, 2, 3]), currentLabel: "2026",
                    comparison: nil, comparisonLabel: nil, value: .count, grain: .week, format: ruF)
}

@Test func sameChartTwiceIsByteIdentical() {
    let a = sampleSeries(), b = sampleSeries()
    #expect(a.svg == b.svg)
    #expect(a.png == b.png)
    #expect(a.png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(a.svg.hasPrefix("<svg "))
    #expect(a.svg.contains("role=\"img\""))
    #expect(a.svg.contains("<title id=\"rev-title\">Revenue by week"))
    #expect(a.svg.contains("viewBox=\"0 0 880 340\""))
}

@Test func drawingOrderDoesNotChangeBytes() {
    let a1 = sampleSeries()
    let b1 = sampleRu()
    let s1 = sparkline(id: "s", values: [1, 2, 3], value: .count, format: enF)
    let s2 = sparkline(id: "s", values: [1, 2, 3], value: .count, format: enF)
    let b2 = sampleRu()
    let a2 = sampleSeries()
    #expect(a1.svg == a2.svg && a1.png == a2.png)
    #expect(b1.svg == b2.svg && b1.png == b2.png)
    #expect(s1.svg == s2.svg && s1.png == s2.png)
    // No raw Cairo counters survive.
    #expect(!a1.svg.contains("id=\"surface"))
    #expect(!a1.svg.contains("\"#glyph"))
}

@Test func pngIsTwiceTheSize() throws {
    let c = sampleRu()
    let png = c.png
    // IHDR width/height are big-endian at bytes 16..23.
    func be(_ i: Int) -> Int { Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3]) }
    #expect(be(16) == 2 * c.width && be(20) == 2 * c.height)
}

@Test func svgIdsArePrefixedAndUnique() {
    let raw = "<svg a><g id=\"surface57\"><use xlink:href=\"#glyph3-2\"/><use xlink:href=\"#glyph3-2\"/><g clip-path=\"url(#clip9)\"/><symbol id=\"glyph3-2\"/></g></svg>"
    let out = SVGPostProcessor.process(raw, id: "x y", width: 10, height: 5, altText: "A <b>", tooltips: [("full & long", Rect(x: 1, y: 2, width: 3, height: 4))])
    #expect(out.contains("id=\"x-y-surface1\""))
    #expect(out.contains("#x-y-glyph1\"/><use xlink:href=\"#x-y-glyph1\""))
    #expect(out.contains("url(#x-y-clip1)"))
    #expect(out.contains("<title id=\"x-y-title\">A &lt;b&gt;</title>"))
    #expect(out.contains("<title>full &amp; long</title>"))
}
