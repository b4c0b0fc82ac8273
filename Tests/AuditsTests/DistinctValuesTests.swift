@testable import Audits
import Testing

/// Each distinct phone or e-mail is validated once: the distinct values in first-seen order, and
/// each row's code into them (-1 for none).
@Suite struct DistinctValuesTests {
    @Test func firstSeenOrderAndCodes() {
        let d = DistinctValues(["+7 912", nil, "a@b.ru", "+7 912", "a@b.ru", "A@b.ru", nil, "+7 912"])
        #expect(d.values == ["+7 912", "a@b.ru", "A@b.ru"])
        #expect(d.codes == [0, -1, 1, 0, 1, 2, -1, 0])
        #expect(DistinctValues([]).values.isEmpty && DistinctValues([nil]).codes == [-1])
    }
}
