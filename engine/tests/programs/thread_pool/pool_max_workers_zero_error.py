# max_workers must be positive.
from concurrent.futures import ThreadPoolExecutor

ThreadPoolExecutor(max_workers=0)
