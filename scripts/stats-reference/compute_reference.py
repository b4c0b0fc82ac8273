# Independent reference values for Tests/StatisticsTests, computed with scipy
# (not with the Swift code). Run: python3 reference/compute_reference.py
import math
from scipy import stats
from scipy.special import ndtri

def wilson(x, n, conf=0.95):
    z = stats.norm.ppf((1 + conf) / 2)
    p = x / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)

def newcombe10(x1, n1, x2, n2, conf=0.95):
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson(x1, n1, conf)
    l2, u2 = wilson(x2, n2, conf)
    d = p1 - p2
    return (d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
            d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2))

print("# Wilson")
for x, n in [(81, 263), (0, 10), (10, 10), (1, 1), (0, 1), (15, 148), (267, 21307)]:
    print(x, n, ["%.17g" % v for v in wilson(x, n)])
print("wilson 81/263 @90%", ["%.17g" % v for v in wilson(81, 263, 0.90)])
print("# Newcombe method 10")
for a in [(56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29), (0, 10, 0, 20), (10, 10, 0, 20),
          (267, 21307, 122, 21306), (1, 1, 0, 1)]:
    print(a, ["%.17g" % v for v in newcombe10(*a)])
print("# z-test pooled, two-sided")
for x1, n1, x2, n2 in [(267, 21307, 122, 21306), (56, 70, 48, 80), (9, 10, 3, 10), (5, 56, 0, 29)]:
    p = (x1 + x2) / (n1 + n2)
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    z = (x1 / n1 - x2 / n2) / se
    print((x1, n1, x2, n2), "z=%.17g" % z, "p=%.17g" % (2 * stats.norm.sf(abs(z))))
# cross-check with scipy's chi-square test without continuity correction (p equals pooled z-test p)
import numpy as np
print("chi2_contingency p (Hillstrom):", "%.17g" % stats.chi2_contingency(np.array([[267, 21307 - 267], [122, 21306 - 122]]), correction=False)[1])
print("# Welch")
a = [12.1, 14.3, 9.8, 11.0, 13.5, 10.2, 15.1]
b = [8.4, 9.9, 7.7, 10.3, 9.0]
r = stats.ttest_ind(a, b, equal_var=False)
ci = r.confidence_interval(0.95)
print("mean/var a", "%.17g %.17g" % (np.mean(a), np.var(a, ddof=1)), "b", "%.17g %.17g" % (np.mean(b), np.var(b, ddof=1)))
print("t=%.17g p=%.17g df=%.17g low=%.17g high=%.17g" % (r.statistic, r.pvalue, r.df, ci.low, ci.high))
c = [0, 0, 0, 120.0, 0, 35.5, 0, 0, 0, 0]
d = [0, 0, 0, 0, 0, 0, 0, 18.0, 0]
r = stats.ttest_ind(c, d, equal_var=False); ci = r.confidence_interval(0.90)
print("mean/var c", "%.17g %.17g" % (np.mean(c), np.var(c, ddof=1)), "d", "%.17g %.17g" % (np.mean(d), np.var(d, ddof=1)))
print("90%%: t=%.17g p=%.17g df=%.17g low=%.17g high=%.17g" % (r.statistic, r.pvalue, r.df, ci.low, ci.high))
# one arm with zero variance
e = [5.0, 5.0, 5.0]; f = [1.0, 2.0, 4.0, 7.0]
r = stats.ttest_ind(e, f, equal_var=False); ci = r.confidence_interval(0.95)
print("zero-var arm: t=%.17g p=%.17g df=%.17g low=%.17g high=%.17g" % (r.statistic, r.pvalue, r.df, ci.low, ci.high))
# large arms (Hillstrom-like spend): summary statistics
m1, v1, n1, m2, v2, n2 = 1.4226, 238.5, 21307, 0.6528, 96.3, 21306
r = stats.ttest_ind_from_stats(m1, math.sqrt(v1), n1, m2, math.sqrt(v2), n2, equal_var=False)
se = math.sqrt(v1 / n1 + v2 / n2); dfw = (v1 / n1 + v2 / n2) ** 2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
tc = stats.t.ppf(0.975, dfw)
print("large: t=%.17g p=%.17g df=%.17g low=%.17g high=%.17g" % (r.statistic, r.pvalue, dfw, (m1 - m2) - tc * se, (m1 - m2) + tc * se))
print("# t quantiles")
for df in [1, 2, 3, 5, 10, 30, 7.5, 2.5, 0.5, 1000, 1e6]:
    print(df, "%.17g" % stats.t.ppf(0.975, df), "%.17g" % stats.t.ppf(0.995, df), "%.17g" % stats.t.ppf(0.05, df), "%.17g" % stats.t.ppf(1e-10, df))
print("# t cdf")
for t, df in [(0, 3), (1.5, 1), (-2.0, 2), (2.0, 5), (-3.3, 7.5), (0.7, 0.5), (10, 3), (-40, 4), (1.96, 1e6), (2.5, 150.25), (-4.0, 25)]:
    print(t, df, "%.17g" % stats.t.cdf(t, df))
print("# normal")
for p in [0.975, 0.8, 1e-10, 1 - 1e-10, 0.5, 0.02425, 1e-300, 0.3]:
    print(p, "%.17g" % ndtri(p))
for x in [0, 1.959963984540054, -1, -8, 3, -38]:
    print(x, "%.17g" % stats.norm.cdf(x))
print("# MDE")
for pc, nt, nc in [(0.05, 1000, 1000), (0.0057, 21307, 21306), (0.2, 500, 250)]:
    print(pc, nt, nc, "%.17g" % ((ndtri(0.975) + ndtri(0.8)) * math.sqrt(pc * (1 - pc) * (1 / nt + 1 / nc))))
print("# percentile type 7")
xs = [1.0, 2.0, 3.5, 10.0]
for q in [0, 0.25, 0.5, 0.75, 0.9, 1]:
    print(q, "%.17g" % np.percentile(xs, q * 100))
