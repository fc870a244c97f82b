import multiprocessing

def waiter(ev, q, i):
    ev.wait()
    q.put(i)

if __name__ == "__main__":
    ev = multiprocessing.Event()
    q = multiprocessing.Queue()
    ps = [multiprocessing.Process(target=waiter, args=(ev, q, i)) for i in range(4)]
    for p in ps:
        p.start()
    ev.set()
    print(sorted(q.get() for _ in range(4)))
    for p in ps:
        p.join()
