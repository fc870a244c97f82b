# The statistics module that tutorials use to sum up timings: exact sums, so results round as CPython's do.
import statistics as st
from statistics import StatisticsError

data = [2.5, 3.25, 5.5, 1.0, 4.75, 3.25]
ints = [1, 2, 3, 4, 4, 7]
print(st.mean(data), st.mean(ints), st.mean([1, 2, 3]), type(st.mean([1, 2, 3])).__name__)
print(st.mean([True, False, True]), st.mean([1e50, 1, -1e50] * 1000), st.mean(iter([0.1, 0.2, 0.3])))
print(st.fmean(data), st.fmean([3.5, 4.0, 5.25], weights=[0.7, 0.3, 0.2]), st.fmean(iter(ints)))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.harmonic_mean([40, 60], weights=[5, 30]))
print(st.harmonic_mean([2.5]), st.harmonic_mean([1, 0, 3]))
print(st.median(ints), st.median([3, 1, 2]), st.median(data), st.median_low(ints), st.median_high(ints))
print(st.mode(ints), st.mode(['red', 'blue', 'blue', 'red', 'green']), st.multimode('aabbbbccddddeeffffgg'), st.multimode([]))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(st.quantiles(data, n=4, method='inclusive'), st.quantiles(ints, n=3))
print(st.variance(data), st.pvariance(data), st.stdev(data), st.pstdev(data))
print(st.variance(ints), st.pvariance(ints), st.stdev(ints), st.pstdev(ints), st.variance([1, 3, 5]))
print(st.variance(data, st.mean(data)), st.pstdev(ints, mu=3.5), st.stdev([0.1] * 7), st.stdev([1e300, 3e300]))
print(st.mean([1, float('inf')]), st.variance([1.0, float('nan')]))
latencies = [0.0123, 0.0151, 0.0098, 0.0210, 0.0134, 0.0119]
print(f"mean {st.mean(latencies) * 1000:.2f} ms, median {st.median(latencies) * 1000:.2f} ms, stdev {st.stdev(latencies) * 1000:.3f} ms")
calls = [
    ('st.mean([])', lambda: st.mean([])),
    ('st.fmean([])', lambda: st.fmean([])),
    ('st.median([])', lambda: st.median([])),
    ('st.mode([])', lambda: st.mode([])),
    ('st.stdev([1])', lambda: st.stdev([1])),
    ('st.variance([2])', lambda: st.variance([2])),
    ('st.pvariance([])', lambda: st.pvariance([])),
    ('st.pstdev([])', lambda: st.pstdev([])),
    ('st.quantiles([1], n=4)', lambda: st.quantiles([1], n=4)),
    ('st.quantiles([1, 2], n=0)', lambda: st.quantiles([1, 2], n=0)),
    ("st.quantiles([1, 2], method='x')", lambda: st.quantiles([1, 2], method='x')),
    ('st.geometric_mean([1, -2])', lambda: st.geometric_mean([1, -2])),
    ('st.harmonic_mean([1, -2])', lambda: st.harmonic_mean([1, -2])),
    ('st.harmonic_mean([])', lambda: st.harmonic_mean([])),
    ("st.mean(['a', 'b'])", lambda: st.mean(['a', 'b'])),
    ("st.stdev([1.0, float('nan')])", lambda: st.stdev([1.0, float('nan')])),
    ('st.fmean([1, 2], weights=[1])', lambda: st.fmean([1, 2], weights=[1])),
    ('st.fmean([1, 2], weights=[1, -1])', lambda: st.fmean([1, 2], weights=[1, -1])),
    ("st.harmonic_mean(['x'])", lambda: st.harmonic_mean(['x'])),
    ('st.harmonic_mean([1, 2], weights=[1])', lambda: st.harmonic_mean([1, 2], weights=[1])),
    ('st.mode([[1], [1]])', lambda: st.mode([[1], [1]])),
    ("st.mean([1, 'a'])", lambda: st.mean([1, 'a'])),
]
for text, call in calls:
    try:
        print(text, '->', call())
    except (StatisticsError, TypeError, ValueError, AttributeError) as e:
        print(text, '->', type(e).__name__, e, isinstance(e, ValueError))
print(st.StatisticsError.__mro__[1].__name__)
print(st.mean([10**30, 10**30 + 1]), st.mean([10**30, 10**30 + 2]), st.variance([10**20, 10**20 + 3, 10**20 + 9]))
print(st.pvariance([1e-300, 2e-300, 4e-300]), st.stdev([10**40, 3 * 10**40]), st.median(['b', 'a', 'c']))
print(st.mean([1, True, 2.5]), st.median_low(['x', 'y']), st.quantiles(range(1, 11), n=5), st.fmean(range(10)))
