import threading
from multiprocessing.pool import ThreadPool

calls = []
lock = threading.Lock()


def square(x):
    with lock:
        calls.append(x)
    return x * x


if __name__ == "__main__":
    with ThreadPool(3) as pool:
        print(repr(pool))
        print(pool.map(square, range(8)))
        print(pool.starmap(pow, [(2, 3), (3, 2)]))
        print(pool.apply(square, (12,)))
        print(pool.apply_async(square, (5,)).get(timeout=1))
        print(pool.map(lambda x: x + 1, [1, 2, 3]))
        print(list(pool.imap(square, [4, 5])), sorted(pool.imap_unordered(square, [6, 7])))
        print(next(pool.imap(square, [9, 10])))
    print(sorted(calls))
    print(threading.current_thread().name)
    pool = ThreadPool(2)
    try:
        pool.apply(divmod, (1, 0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    pool.close()
    pool.join()
    print(repr(pool))
