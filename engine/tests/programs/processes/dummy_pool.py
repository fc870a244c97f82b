import multiprocessing.dummy as dummy
from multiprocessing.dummy import Pool


def work(x):
    return x * 10, dummy.current_process().name == "MainThread"


if __name__ == "__main__":
    with Pool(2) as pool:
        print(type(pool).__name__, type(pool).__module__)
        print(pool.map(work, [1, 2, 3]))
    p = dummy.Process(target=work, args=(1,))
    print(p.exitcode)
    p.start()
    p.join()
    print(p.exitcode, isinstance(p, dummy.Process), dummy.Process.__name__)
    q = dummy.Queue()
    q.put(1)
    print(q.get(), dummy.Lock().acquire(), hasattr(dummy, "cpu_count"))
