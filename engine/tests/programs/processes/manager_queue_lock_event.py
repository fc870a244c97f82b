# A Manager also serves queues, locks and events to processes.
import multiprocessing as mp


def worker(q, lock, ev, total):
    ev.wait()
    with lock:
        total.value += 1
    q.put("done")


if __name__ == "__main__":
    with mp.Manager() as m:
        q, lock, ev, total = m.Queue(), m.Lock(), m.Event(), m.Value("i", 0)
        print(type(q).__name__, type(lock).__name__, type(ev).__name__)
        ps = [mp.Process(target=worker, args=(q, lock, ev, total)) for _ in range(4)]
        for p in ps:
            p.start()
        ev.set()
        print([q.get() for _ in range(4)])
        for p in ps:
            p.join()
        print(total.value, [p.exitcode for p in ps], [p.name for p in ps])
    print(mp.active_children())
