import time
t0 = time.monotonic()
p0 = time.perf_counter()
n0 = time.perf_counter_ns()
time.sleep(0.3)
print(round(time.monotonic() - t0, 1), round(time.perf_counter() - p0, 1), round((time.perf_counter_ns() - n0) / 1e9, 1))
print(type(time.time()).__name__, type(time.monotonic_ns()).__name__, time.time() > 1_600_000_000)
t = time.gmtime(0)
print(t, t.tm_year, t[0], tuple(t)[:3], time.strftime("%Y-%m-%d %H:%M:%S %a %b %j", t))
print(time.gmtime(86400 * 365.25 * 30 + 3723), time.asctime(time.gmtime(1e9)), time.strftime("%x %X %p %I %%", time.gmtime(1e9)))
print(time.mktime(time.gmtime(1234567890)) == 1234567890 - time.timezone)
for bad in (lambda: time.sleep(-1), lambda: time.sleep("1")):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
