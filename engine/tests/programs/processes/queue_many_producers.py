import multiprocessing

def produce(q, tag, n):
    for i in range(n):
        q.put((tag, i))

if __name__ == "__main__":
    q = multiprocessing.Queue()
    ps = [multiprocessing.Process(target=produce, args=(q, t, 5)) for t in "abc"]
    for p in ps:
        p.start()
    got = [q.get() for _ in range(15)]
    for p in ps:
        p.join()
    print(sorted(got))
    print(len(got), q.empty())
