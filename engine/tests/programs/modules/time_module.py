import time

start = time.time()
time.sleep(0.05)
elapsed = time.time() - start
print(type(start).__name__, elapsed >= 0.05, elapsed < 5)
t0 = time.perf_counter()
time.sleep(0.02)
print(time.perf_counter() - t0 >= 0.02)
m0 = time.monotonic()
print(time.monotonic() >= m0)
print(type(time.time_ns()).__name__)
