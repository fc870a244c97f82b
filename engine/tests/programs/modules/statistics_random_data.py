# statistics on random ints, floats and big ints, mixed: exact sums round as CPython's do.
import random
import statistics as st
random.seed(5)
for case in range(150):
    kind = case % 3
    n = random.randint(1, 12)
    if kind == 0:
        data = [random.randint(-1000, 1000) for _ in range(n)]
    elif kind == 1:
        data = [random.uniform(-1e3, 1e3) for _ in range(n)]
    else:
        data = [random.choice([random.randint(-50, 50), random.random() * 10, 10 ** random.randint(10, 30)]) for _ in range(n)]
    row = [st.mean(data), st.median(data), st.fmean(data), st.pvariance(data), st.pstdev(data)]
    if n > 1:
        row += [st.variance(data), st.stdev(data), st.quantiles(data, n=4)]
    print(case, row)
