import Testing
@testable import Statistics

// Reference values: scipy.stats.ttest_ind(a, b, equal_var=False) and its
// .confidence_interval(level), scipy 1.17.1, via reference/compute_reference.py.

private func moments(_ values: [Double]) -> RunningMoments {
    var m = RunningMoments()
    for v in values { m.add(v) }
    return m
}

@Suite("Welch t interval and test")
struct WelchTests {
    @Test("small hand data, 95 %")
    func small() throws {
        let a = moments([12.1, 14.3, 9.8, 11.0, 13.5, 10.2, 15.1])
        let b = moments([8.4, 9.9, 7.7, 10.3, 9.0])
        // numpy mean / var(ddof=1)
        #expect(close(a.mean, 12.285714285714286, rel: 1e-14))
        #expect(close(a.sampleVariance, 4.2780952380952382, rel: 1e-13))
        #expect(close(b.mean, 9.0599999999999987, rel: 1e-14))
        #expect(close(b.sampleVariance, 1.1330000000000002, rel: 1e-13))
        let r = try #require(Stats.welch(mean1: a.mean, variance1: a.sampleVariance, n1: a.count,
                                         mean2: b.mean, variance2: b.sampleVariance, n2: b.count))
        // scipy: t=3.5242524003188409 p=0.0061020056982765544 df=9.3467295248167837
        //        CI95 (1.1668331235847762, 5.2845954478437989)
        #expect(close(r.difference, 12.285714285714286 - 9.0599999999999987, rel: 1e-13))
        #expect(close(r.t, 3.5242524003188409, rel: 1e-12))
        #expect(close(r.degreesOfFreedom, 9.3467295248167837, rel: 1e-12))
        #expect(close(r.p, 0.0061020056982765544, rel: 1e-11))
        #expect(close(r.low, 1.1668331235847762, rel: 1e-11))
        #expect(close(r.high, 5.2845954478437989, rel: 1e-11))
    }

    @Test("revenue-like zero-heavy data, 90 %")
    func zeroHeavy() throws {
        let c = moments([0, 0, 0, 120.0, 0, 35.5, 0, 0, 0, 0])
        let d = moments([0, 0, 0, 0, 0, 0, 0, 18.0, 0])
        let r = try #require(Stats.welch(mean1: c.mean, variance1: c.sampleVariance, n1: c.count,
                                         mean2: d.mean, variance2: d.sampleVariance, n2: d.count,
                                         confidence: 0.90))
        // scipy: t=1.1021877319010451 p=0.29755193514080847 df=9.4881064624090516
        //        CI90 (-8.854519628412806, 35.954519628412797)
        #expect(close(r.t, 1.1021877319010451, rel: 1e-12))
        #expect(close(r.degreesOfFreedom, 9.4881064624090516, rel: 1e-12))
        #expect(close(r.p, 0.29755193514080847, rel: 1e-11))
        #expect(close(r.low, -8.854519628412806, rel: 1e-11))
        #expect(close(r.high, 35.954519628412797, rel: 1e-11))
    }

    @Test("one arm with zero variance: df = n - 1 of the other arm")
    func oneZeroVariance() throws {
        let e = moments([5.0, 5.0, 5.0])
        let f = moments([1.0, 2.0, 4.0, 7.0])
        #expect(e.sampleVariance == 0)
        let r = try #require(Stats.welch(mean1: e.mean, variance1: e.sampleVariance, n1: e.count,
                                         mean2: f.mean, variance2: f.sampleVariance, n2: f.count))
        // scipy: t=1.1338934190276817 p=0.3392540508564546 df=3
        //        CI95 (-2.7099807422985158, 5.7099807422985158)
        #expect(close(r.t, 1.1338934190276817, rel: 1e-12))
        #expect(close(r.degreesOfFreedom, 3, rel: 1e-14))
        #expect(close(r.p, 0.3392540508564546, rel: 1e-11))
        #expect(close(r.low, -2.7099807422985158, rel: 1e-11))
        #expect(close(r.high, 5.7099807422985158, rel: 1e-11))
    }

    @Test("large arms from summary statistics (Hillstrom-sized)")
    func large() throws {
        let r = try #require(Stats.welch(mean1: 1.4226, variance1: 238.5, n1: 21307,
                                         mean2: 0.6528, variance2: 96.3, n2: 21306))
        // scipy.stats.ttest_ind_from_stats(1.4226, sqrt(238.5), 21307, 0.6528, sqrt(96.3), 21306,
        //   equal_var=False): t=6.1410608900415173 p=8.2825700622591702e-10;
        // df and CI by the Welch-Satterthwaite formula with scipy.stats.t.ppf(0.975, df)
        #expect(close(r.t, 6.1410608900415173, rel: 1e-12))
        #expect(close(r.degreesOfFreedom, 36099.994034540141, rel: 1e-12))
        #expect(close(r.p, 8.2825700622591702e-10, rel: 1e-10))
        #expect(close(r.low, 0.52410452644271766, rel: 1e-11))
        #expect(close(r.high, 1.0154954735572823, rel: 1e-11))
    }

    @Test("edge cases: arm below 2 members, both variances 0, bad input")
    func edges() {
        #expect(Stats.welch(mean1: 1, variance1: 0, n1: 1, mean2: 0, variance2: 1, n2: 10) == nil)
        #expect(Stats.welch(mean1: 1, variance1: 1, n1: 10, mean2: 0, variance2: 0, n2: 1) == nil)
        #expect(Stats.welch(mean1: 1, variance1: 1, n1: 0, mean2: 0, variance2: 1, n2: 10) == nil)
        #expect(Stats.welch(mean1: 1, variance1: 0, n1: 5, mean2: 0, variance2: 0, n2: 10) == nil)
        #expect(Stats.welch(mean1: 1, variance1: -1, n1: 5, mean2: 0, variance2: 1, n2: 10) == nil)
        #expect(Stats.welch(mean1: .nan, variance1: 1, n1: 5, mean2: 0, variance2: 1, n2: 10) == nil)
        #expect(Stats.welch(mean1: 1, variance1: 1, n1: 5, mean2: 0, variance2: 1, n2: 10, confidence: 1) == nil)
    }

    @Test("equal means give t = 0 and p = 1; arms of exactly 2")
    func equalMeans() throws {
        let r = try #require(Stats.welch(mean1: 3, variance1: 2, n1: 2, mean2: 3, variance2: 5, n2: 2))
        #expect(r.t == 0 && r.p == 1 && r.difference == 0)
        #expect(close(r.high, -r.low, rel: 1e-15))
        #expect(r.low.isFinite && r.high.isFinite)
    }
}

@Suite("RunningMoments")
struct RunningMomentsTests {
    @Test("empty and single value")
    func edges() {
        let empty = RunningMoments()
        #expect(empty.count == 0 && empty.mean == 0 && empty.sampleVariance == 0)
        var one = RunningMoments()
        one.add(42.5)
        #expect(one.count == 1 && one.mean == 42.5 && one.sampleVariance == 0)
        var merged = RunningMoments()
        merged.merge(empty)
        #expect(merged.count == 0 && merged.mean == 0)
        merged.merge(one)
        #expect(merged.count == 1 && merged.mean == 42.5)
    }

    @Test("against numpy mean / var(ddof=1), sequential and merged")
    func numpy() {
        let xs = [3.2, 0.0, 0.0, 7.5, 1.25, 0.0, 12.0, 4.4, 0.0, 2.0, 9.75]
        // numpy.mean(xs) = 3.6454545454545451, numpy.var(xs, ddof=1) = 18.429227272727275
        var all = RunningMoments()
        for x in xs { all.add(x) }
        #expect(all.count == 11)
        #expect(close(all.mean, 3.6454545454545451, rel: 1e-14))
        #expect(close(all.sampleVariance, 18.429227272727275, rel: 1e-13))
        for split in 0...xs.count {
            var left = RunningMoments()
            var right = RunningMoments()
            for x in xs[..<split] { left.add(x) }
            for x in xs[split...] { right.add(x) }
            left.merge(right)
            #expect(left.count == 11)
            #expect(close(left.mean, 3.6454545454545451, rel: 1e-14))
            #expect(close(left.sampleVariance, 18.429227272727275, rel: 1e-13))
        }
    }

    @Test("numerically stable with a large offset (exact: mean 1e9 + 10, variance 30)")
    func offset() {
        // Classic example: 4, 7, 13, 16 shifted by 1e9 has variance exactly 30.
        var m = RunningMoments()
        for x in [4.0, 7.0, 13.0, 16.0] { m.add(1e9 + x) }
        #expect(m.mean == 1e9 + 10)
        #expect(close(m.sampleVariance, 30, rel: 1e-9))
    }
}

@Suite("Percentile (type 7)")
struct PercentileTests {
    @Test("against numpy.percentile (default linear method)")
    func numpy() {
        let xs = [1.0, 2.0, 3.5, 10.0]
        // numpy.percentile(xs, q * 100)
        let cases: [(q: Double, v: Double)] = [
            (0, 1), (0.25, 1.75), (0.5, 2.75), (0.75, 5.125), (0.9, 8.0500000000000007), (1, 10),
        ]
        for c in cases {
            #expect(close(Stats.percentile(xs, c.q) ?? .nan, c.v, rel: 1e-15), "q \(c.q)")
        }
        let ys = [2.0, 4.0, 4.0, 5.0, 9.0, 12.5, 13.0]
        #expect(close(Stats.percentile(ys, 0.75) ?? .nan, 10.75, rel: 1e-15))              // numpy
        #expect(Stats.percentile(ys, 0.5) == 5)                                            // numpy
        #expect(close(Stats.percentile(ys, 0.1) ?? .nan, 3.2000000000000002, rel: 1e-15))  // numpy
    }

    @Test("edge cases: empty, single value, q out of range")
    func edges() {
        #expect(Stats.percentile([], 0.5) == nil)
        #expect(Stats.percentile([7], 0) == 7)
        #expect(Stats.percentile([7], 0.5) == 7)
        #expect(Stats.percentile([7], 1) == 7)
        #expect(Stats.percentile([1, 2], -0.1) == nil)
        #expect(Stats.percentile([1, 2], 1.1) == nil)
        #expect(Stats.percentile([1, 2], .nan) == nil)
        #expect(Stats.percentile([3, 3, 3], 0.37) == 3)
    }
}
