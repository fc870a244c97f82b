# Leaving a with block shuts the pool down, so a later submit() raises RuntimeError (caught here).
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(max_workers=1) as pool:
    print(pool.submit(sum, [1, 2, 3]).result())
try:
    pool.submit(sum, [4])
except RuntimeError as e:
    print("RuntimeError:", e)
