# submit() after shutdown() raises RuntimeError.
from concurrent.futures import ThreadPoolExecutor

pool = ThreadPoolExecutor(max_workers=1)
print(pool.submit(len, "abc").result())
pool.shutdown()
pool.submit(len, "abcd")
