# Worker processes square numbers; each has its own memory, so nothing is shared.
from multiprocessing import Pool


def square(n):
    return n * n


if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(square, range(6)))
