# Pool.map hands the list's items to 4 worker processes and returns the results in the list's order,
# whichever worker finished first. Eight slow items on four workers take two rounds.
import time
from multiprocessing import Pool


def slow_square(n):
    time.sleep(1)  # pretend each item takes a second
    return n * n


if __name__ == "__main__":
    start = time.perf_counter()
    with Pool(4) as pool:
        print(pool.map(slow_square, [1, 2, 3, 4, 5, 6, 7, 8]))
    print(f"took {time.perf_counter() - start:.0f} seconds, not 8")
