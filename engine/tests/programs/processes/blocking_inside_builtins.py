import multiprocessing


def square(x):
    return x * x


def produce(q):
    for i in (3, 1, 2):
        q.put(i)


if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=produce, args=(q,))
    p.start()
    print(sorted(q.get() for _ in range(3)))
    p.join()
    with multiprocessing.Pool(2) as pool:
        print(next(pool.imap(square, [5, 6])))
        print(sorted(pool.imap_unordered(square, range(5))))
        print(list(pool.imap(square, range(5), chunksize=2)))
        it = pool.imap(square, [7])
        print(next(it), next(it, "done"))
        print(max(pool.imap(square, [-3, 2])), sum(pool.imap_unordered(square, [1, 2])))
