import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def square(x):
    return x * x, multiprocessing.current_process().name.rstrip("0123456789")


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        print(sorted(set(pool.map(square, range(6)))))
    with ProcessPoolExecutor(2, mp_context=ctx) as ex:
        print(sorted(r[0] for r in ex.map(square, range(6))))
        print(ex.submit(square, 3).result())
