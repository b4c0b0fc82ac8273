import Testing
@testable import Statistics

// Reference values: scipy 1.17.1 (Python 3.11), printed with %.17g by
// reference/compute_reference.py, or standard printed tables where noted.
// Nothing here was produced by the Swift code under test.

@Suite("Normal distribution")
struct NormalTests {
    @Test("normalQuantile against scipy.special.ndtri")
    func quantile() {
        // scipy.special.ndtri(p)
        let cases: [(p: Double, x: Double)] = [
            (0.975, 1.959963984540054),            // brief + ndtri(0.975)
            (0.8, 0.8416212335729143),             // brief + ndtri(0.8)
            (1e-10, -6.3613409024040557),          // ndtri(1e-10)
            (1 - 1e-10, 6.3613408896974217),       // ndtri(1 - 1e-10) (1 - 1e-10 is not exact in binary)
            (0.02425, -1.9729610513118849),        // ndtri(0.02425), region boundary
            (0.3, -0.52440051270804089),           // ndtri(0.3)
            (1e-300, -37.047096299361201),         // ndtri(1e-300), r > 5 branch
        ]
        for c in cases {
            #expect(close(Stats.normalQuantile(c.p), c.x, rel: 1e-14), "p = \(c.p)")
        }
        #expect(Stats.normalQuantile(0.5) == 0)
    }

    @Test("normalQuantile edge cases")
    func quantileEdges() {
        #expect(Stats.normalQuantile(0) == -.infinity)
        #expect(Stats.normalQuantile(1) == .infinity)
        #expect(Stats.normalQuantile(-0.1).isNaN)
        #expect(Stats.normalQuantile(1.1).isNaN)
        // symmetry
        #expect(close(Stats.normalQuantile(0.025), -Stats.normalQuantile(0.975), rel: 1e-15))
    }

    @Test("normalCDF against scipy.stats.norm.cdf")
    func cdf() {
        let cases: [(x: Double, p: Double)] = [
            (0, 0.5),
            (1.959963984540054, 0.97499999999999998),  // norm.cdf(1.959963984540054)
            (-1, 0.15865525393145707),                 // norm.cdf(-1)
            (-8, 6.220960574271784123515995e-16),      // mpmath.ncdf(-8), 40 digits (scipy gives 6.22096057427174e-16, 7e-15 off)
            (3, 0.9986501019683699),                   // norm.cdf(3)
        ]
        for c in cases {
            #expect(close(Stats.normalCDF(c.x), c.p, rel: 1e-14), "x = \(c.x)")
        }
        #expect(Stats.normalCDF(-38) >= 0 && Stats.normalCDF(-38) < 1e-300)  // norm.cdf(-38) = 0 in scipy
        #expect(Stats.normalCDF(.infinity) == 1)
        #expect(Stats.normalCDF(-.infinity) == 0)
    }
}

@Suite("Student t distribution")
struct StudentTTests {
    @Test("t quantiles match printed tables (4 dp) for small df")
    func tableValues() {
        // Two-sided 95 % critical values, standard t table (e.g. Fisher & Yates):
        let table: [(df: Double, t: Double)] = [
            (1, 12.7062), (2, 4.3027), (3, 3.1824), (5, 2.5706), (10, 2.2281), (30, 2.0423),
        ]
        for row in table {
            #expect(matches4dp(Stats.studentTQuantile(0.975, df: row.df), row.t), "df = \(row.df)")
        }
    }

    @Test("t quantiles against scipy.stats.t.ppf, integer and non-integer df")
    func quantileScipy() {
        // scipy.stats.t.ppf(p, df); columns p = 0.975, 0.995, 0.05, 1e-10
        let rows: [(df: Double, q975: Double, q995: Double, q05: Double, q1e10: Double)] = [
            (1, 12.706204736174694, 63.656741162871526, -6.3137515146750438, -3183098861.8379064),
            (2, 4.3026527297494619, 9.9248432009182874, -2.9199855803537256, -70710.67810804816),
            (3, 3.1824463052837078, 5.8409093097333553, -2.3533634348018242, -2225.7692846830928),
            (5, 2.5705818356363146, 4.0321429835552278, -2.0150483733330238, -156.82559270889433),
            (10, 2.2281388519862739, 3.16927267261695, -1.812461122811676, -25.466008021697725),
            (30, 2.0422724563012378, 2.7499956535672254, -1.6972608865939574, -9.377489780407144),
            (7.5, 2.333039626864974, 3.4214226881240442, -1.8757474792112883, -45.361044241339513),
            (2.5, 3.5746548420036817, 7.163728138948783, -2.5582186141359364, -8765.4377713645717),
            (0.5, 164.55767348048818, 4113.9645888041741, -41.136000092878263, -1.02849115631634e+19),
            (1000, 1.9623390808264083, 2.580754698065951, -1.6463788172854648, -6.4278762831342133),
            (1e6, 1.959966356814107, 2.5758342201053344, -1.6448551507220406, -6.3614068488767428),
        ]
        for r in rows {
            #expect(close(Stats.studentTQuantile(0.975, df: r.df), r.q975, rel: 1e-12), "df \(r.df) p 0.975")
            #expect(close(Stats.studentTQuantile(0.995, df: r.df), r.q995, rel: 1e-12), "df \(r.df) p 0.995")
            #expect(close(Stats.studentTQuantile(0.05, df: r.df), r.q05, rel: 1e-12), "df \(r.df) p 0.05")
            #expect(close(Stats.studentTQuantile(1e-10, df: r.df), r.q1e10, rel: 1e-10), "df \(r.df) p 1e-10")
        }
        // scipy.stats.t.ppf(0.975, df) for large Welch-type df
        #expect(close(Stats.studentTQuantile(0.975, df: 36099.994034540141), 1.9600297006012686, rel: 1e-12))
        #expect(close(Stats.studentTQuantile(0.975, df: 1e8), 1.9599640082627663, rel: 1e-12))
    }

    @Test("t quantile round-trips through the CDF")
    func roundTrip() {
        for df in [0.3, 1.0, 1.7, 3.0, 12.25, 99.5, 5000.0] {
            for p in [1e-8, 0.001, 0.1, 0.4, 0.6, 0.9, 0.999] {
                let t = Stats.studentTQuantile(p, df: df)
                #expect(close(Stats.studentTCDF(t, df: df), p, rel: 1e-12), "df \(df) p \(p)")
            }
        }
    }

    @Test("t CDF against scipy.stats.t.cdf")
    func cdfScipy() {
        // scipy.stats.t.cdf(t, df)
        let cases: [(t: Double, df: Double, p: Double)] = [
            (0, 3, 0.5),
            (1.5, 1, 0.81283295818900114),
            (-2.0, 2, 0.091751709536136983),
            (2.0, 5, 0.94903026058507078),
            (-3.3, 7.5, 0.005945817281130584),
            (0.7, 0.5, 0.65729966873961665),
            (10, 3, 0.99893580047079289),
            (-40, 4, 1.1670081613006339e-06),
            (1.96, 1e6, 0.97500196620736512),
            (2.5, 150.25, 0.99325324806883952),
            (-4.0, 25, 0.00024772183526604368),
            (2.0, 1e5, 0.9772485182712467),
            (1.0, 1e6, 0.84134462508321084),
            (-3.0, 1e6, 0.0013499312707109001),
            (2.5, 1e8, 0.99379033387997273),
            (-6.0, 1e9, 9.8658798224924067e-10),
            (0.3, 4e4, 0.61791064273021534),
            (-1.7, 36099.99, 0.044569769864321922),
        ]
        for c in cases {
            #expect(close(Stats.studentTCDF(c.t, df: c.df), c.p, rel: 1e-12), "t \(c.t) df \(c.df)")
        }
    }

    @Test("t distribution edge cases")
    func edges() {
        #expect(Stats.studentTCDF(.infinity, df: 3) == 1)
        #expect(Stats.studentTCDF(-.infinity, df: 3) == 0)
        #expect(Stats.studentTCDF(1, df: 0).isNaN)
        #expect(Stats.studentTCDF(1, df: -2).isNaN)
        #expect(Stats.studentTCDF(1.3, df: .infinity) == Stats.normalCDF(1.3))
        #expect(Stats.studentTQuantile(0.5, df: 4) == 0)
        #expect(Stats.studentTQuantile(0, df: 4) == -.infinity)
        #expect(Stats.studentTQuantile(1, df: 4) == .infinity)
        #expect(Stats.studentTQuantile(0.3, df: 0).isNaN)
        #expect(Stats.studentTQuantile(0.975, df: .infinity) == Stats.normalQuantile(0.975))
    }

    @Test("extreme df and extreme t")
    func extremes() {
        // scipy.stats.t.cdf(-1e200, 3) = 0 (true value ~1e-600 underflows)
        #expect(Stats.studentTCDF(-1e200, df: 3) == 0)
        #expect(Stats.studentTCDF(1e200, df: 3) == 1)
        // scipy.stats.t.cdf(-1e100, 0.5) = 3.207009754142229e-51; mpmath.betainc agrees
        #expect(close(Stats.studentTCDF(-1e100, df: 0.5), 3.207009754142229e-51, rel: 1e-12))
        // mpmath: P(T_0.05 < -1.797e308) = 1.73415443588632e-16, so for p = 1e-20 the
        // quantile lies beyond the largest double: -infinity. (scipy returns
        // -1.499e153 there, which is not a solution.)
        #expect(close(Stats.studentTCDF(-.greatestFiniteMagnitude, df: 0.05), 1.73415443588632e-16, rel: 1e-12))
        #expect(Stats.studentTQuantile(1e-20, df: 0.05) == -.infinity)
        #expect(Stats.studentTQuantile(1 - 1e-16, df: 0.05) == .infinity)
        // scipy.stats.t.ppf(1e-20, 0.2) = -7.508285934582922e+97
        #expect(close(Stats.studentTQuantile(1e-20, df: 0.2), -7.508285934582922e+97, rel: 1e-12))
        // scipy.stats.t.ppf(0.025, 0.05) = -1.1958337585475397e+25
        #expect(close(Stats.studentTQuantile(0.025, df: 0.05), -1.1958337585475397e+25, rel: 1e-12))
        // enormous df converges to the normal (scipy.special.ndtri)
        #expect(close(Stats.studentTQuantile(0.975, df: 1e300), 1.959963984540054, rel: 1e-14))
        #expect(close(Stats.studentTQuantile(1e-300, df: 1e300), -37.047096299361201, rel: 1e-13))
        #expect(close(Stats.studentTCDF(-8, df: 1e300), 6.220960574271784e-16, rel: 1e-12))
    }
}
