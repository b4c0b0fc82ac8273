import Testing
@testable import Charts
import Formatting

@Suite struct CohortCurvesTests {
    @Test func tableLegendAndAltText() {
        let rows = [CohortRow(label: "Jan", size: 3, values: [310.0 / 3, 120, 130]),
                    CohortRow(label: "Feb", size: 2, values: [42.5, 42.5]),
                    CohortRow(label: "Mar", size: 0, values: [nil])]
        let c = makeCohortCurves(id: "ltv", title: "LTV", subtitle: nil, cohorts: rows, value: .money, grain: .month, format: enF)
        #expect(c.table.headers == ["Cohort", "Size", "Month 0", "Month 1", "Month 2"])
        #expect(c.table.rows[0] == ["Jan", "3", "$103.33", "$120.00", "$130.00"])
        #expect(c.table.rows[1] == ["Feb", "2", "$42.50", "$42.50", ""])
        #expect(c.table.rows[2] == ["Mar", "0", "", "", ""])
        // The empty cohort draws no line and is not in the legend.
        #expect(c.legend.map(\.label) == ["Jan", "Feb"])
        #expect(c.altText == "LTV: 2 cohorts; the highest, Jan, reaches $130.00 by month 2.")
    }

    @Test func noData() {
        let c = makeCohortCurves(id: "ltv", title: "LTV", subtitle: nil, cohorts: [], value: .money, grain: .week, format: ruF)
        #expect(c.altText == "LTV: нет данных.")
        #expect(c.legend.isEmpty)
    }
}
