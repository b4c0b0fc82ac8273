import CRMData
import Testing

/// consents.evidence in one buffer: each row's text back as it went in, NULL (nil) where there was none.
@Suite struct TextColumnTests {
    @Test func rowsComeBackAsTheyWentIn() {
        var c = TextColumn()
        for v in ["policy-v3; ip 10.9.72.151", nil, "ключ 😀", nil, "x"] as [String?] { c.append(v) }
        #expect(c.count == 5)
        #expect((0..<5).map { c[$0] } == ["policy-v3; ip 10.9.72.151", nil, "ключ 😀", nil, "x"])
        #expect((0..<5).map { c.has($0) } == [true, false, true, false, true])
        var first = TextColumn()
        first.append(nil)
        #expect(first[0] == nil && !first.has(0))
    }
}
