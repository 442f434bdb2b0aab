"""Reference values for tests/core/eval/TestSignificance.cpp, computed independently of ShelfSense.

Run with any Python that has numpy and scipy (the values in the test came from scipy 1.17.1):
    python3 significance_reference.py
- t-test and Wilcoxon: scipy.stats.ttest_rel / scipy.stats.wilcoxon on the same numbers.
- bootstrap: MT19937-64 written out from its published definition (checked against the C++ standard's
  10000th-output value), the same rejection index draw, numpy.percentile (linear).
"""
import numpy as np
from scipy import stats

a = [0.2, 0.5, 0.3, 0.9, 0.4, 0.6, 0.1, 0.8]
b = [0.1, 0.4, 0.35, 0.7, 0.4, 0.5, 0.2, 0.6]
r = stats.ttest_rel(a, b); print("ttest n=8", repr(r.statistic), repr(r.pvalue))
rng = np.random.default_rng(7)
a30 = np.round(rng.uniform(0, 1, 30), 2); b30 = np.round(a30 + rng.normal(0.05, 0.1, 30), 2)
print("a30", list(map(float, a30))); print("b30", list(map(float, b30)))
r = stats.ttest_rel(a30, b30); print("ttest n=30", repr(r.statistic), repr(r.pvalue))
d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]  # scipy.stats.wilcoxon docs example
r = stats.wilcoxon(d); print("wilcoxon doc", repr(r.statistic), repr(r.pvalue))
r = stats.wilcoxon(d, method='asymptotic'); print("wilcoxon doc asymptotic", repr(r.statistic), repr(r.pvalue))
r = stats.wilcoxon(d, method='asymptotic', correction=True); print("wilcoxon doc asymptotic+cc", repr(r.statistic), repr(r.pvalue))
ds = [0.1, -0.2, 0.2, 0.0, 0.3, 0.3, -0.1, 0.4, 0.5, 0.0, 0.2]
for zm in ['wilcox', 'pratt']:
    r = stats.wilcoxon(ds, zero_method=zm); print("wilcoxon n=11 ties+zeros", zm, repr(r.statistic), repr(r.pvalue))
for zm in ['wilcox', 'pratt']:
    for c in [False, True]:
        r = stats.wilcoxon(a30, b30, zero_method=zm, correction=c); print("wilcoxon n=30", zm, c, repr(r.statistic), repr(r.pvalue))
rng = np.random.default_rng(11)
d40 = np.arange(1, 41) * np.where(rng.uniform(size=40) < 0.35, -1, 1)
print("d40", list(map(int, d40)))
r = stats.wilcoxon(d40); print("wilcoxon n=40", repr(r.statistic), repr(r.pvalue))
r = stats.wilcoxon(d40, method='asymptotic'); print("wilcoxon n=40 asymptotic", repr(r.statistic), repr(r.pvalue))

M64 = 2**64 - 1
class MT19937_64:
    def __init__(self, seed):
        self.mt = [0] * 312; self.mt[0] = seed & M64
        for i in range(1, 312):
            self.mt[i] = (6364136223846793005 * (self.mt[i-1] ^ (self.mt[i-1] >> 62)) + i) & M64
        self.i = 312
    def __call__(self):
        if self.i >= 312:
            for k in range(312):
                x = (self.mt[k] & 0xFFFFFFFF80000000) | (self.mt[(k+1) % 312] & 0x7FFFFFFF)
                xa = x >> 1
                if x & 1: xa ^= 0xB5026F5AA96619E9
                self.mt[k] = self.mt[(k+156) % 312] ^ xa
            self.i = 0
        x = self.mt[self.i]; self.i += 1
        x ^= (x >> 29) & 0x5555555555555555
        x ^= (x << 17) & 0x71D67FFFEDA60000
        x ^= (x << 37) & 0xFFF7EEE000000000
        x ^= x >> 43
        return x & M64

g = MT19937_64(5489)
for _ in range(9999): g()
assert g() == 9981545732273789042

def bounded(g, n):
    threshold = (2**64 - n) % n
    while True:
        r = g()
        if r >= threshold: return r % n

def bootstrap(values, resamples, seed, level=0.95):
    g = MT19937_64(seed); n = len(values); means = []
    for _ in range(resamples):
        s = 0.0
        for _ in range(n): s += values[bounded(g, n)]
        means.append(s / n)
    tail = (1 - level) / 2
    return np.percentile(means, 100 * tail), np.percentile(means, 100 * (1 - tail))

values = [0.1, 0.5, 0.0, 1.0, 0.33, 0.25, 0.0, 0.75, 0.2, 0.6]
print("bootstrap seed 20240601", repr(bootstrap(values, 1000, 20240601)))
print("bootstrap seed 7", repr(bootstrap(values, 1000, 7)))
print("bootstrap seed 7 B=200 90%", repr(bootstrap(values, 200, 7, 0.9)))
