import multiprocessing

def phase(barrier, q, i):
    q.put(("before", i))
    barrier.wait()
    q.put(("after", i))

if __name__ == "__main__":
    barrier = multiprocessing.Barrier(3)
    q = multiprocessing.Queue()
    ps = [multiprocessing.Process(target=phase, args=(barrier, q, i)) for i in range(3)]
    for p in ps:
        p.start()
    events = [q.get() for _ in range(6)]
    for p in ps:
        p.join()
    print(sorted(events))
    print(barrier.parties, barrier.n_waiting)
