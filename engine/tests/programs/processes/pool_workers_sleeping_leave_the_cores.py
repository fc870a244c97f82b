# Pool workers that sleep (as if waiting on I/O) leave the cores: the parent polls its result meanwhile
# and the eight one-second tasks on four workers take two seconds.
import time
from multiprocessing import Pool


def slow(n):
    time.sleep(1)
    return n * 10


if __name__ == "__main__":
    start = time.perf_counter()
    polls = 0
    with Pool(4) as pool:
        result = pool.map_async(slow, range(8))
        while not result.ready():
            time.sleep(0.25)
            polls += 1
        print(result.get())
        print("polled often:", polls >= 6)
        print("seconds:", round(time.perf_counter() - start))
        print(pool.starmap(max, [(1, 2), (5, 3)]), pool.map(abs, [-1, -2], chunksize=2))
