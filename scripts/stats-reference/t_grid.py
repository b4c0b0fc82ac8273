# Random grid of Student t upper tails P(T > t) for DistributionGridTests.swift.
# Reference: scipy.stats.t.sf (Boost), spot-checked against mpmath below.
import random
from scipy import stats
import mpmath as mp
random.seed(20240601)
rows = []
while len(rows) < 120:
    df = 10 ** random.uniform(-1, 9)
    t = 10 ** random.uniform(-3, 2.5)
    sf = stats.t.sf(t, df)
    if sf < 1e-290:
        continue
    rows.append((t, df, sf))
mp.mp.dps = 40
for t, df, sf in rows[:40]:
    if df < 1e6:
        X = mp.mpf(df) / (df + mp.mpf(t) ** 2)
        exact = mp.betainc(mp.mpf(df) / 2, 0.5, 0, X, regularized=True) / 2
        assert abs(sf - exact) / exact < 1e-13, (t, df, sf, exact)
print("let tGrid: [(t: Double, df: Double, upperTail: Double)] = [")
for t, df, sf in rows:
    print("    (%r, %r, %r)," % (t, df, float(sf)))
print("]")
