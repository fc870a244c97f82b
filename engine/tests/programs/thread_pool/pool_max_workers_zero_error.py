# max_workers must be positive: 0 raises ValueError.
from concurrent.futures import ThreadPoolExecutor

print("creating a pool with no workers")
ThreadPoolExecutor(max_workers=0)
