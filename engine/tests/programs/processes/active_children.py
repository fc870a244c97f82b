import multiprocessing
import time

def nap(t):
    time.sleep(t)

if __name__ == "__main__":
    ps = [multiprocessing.Process(target=nap, args=(t,), name=f"nap-{t}") for t in (0.2, 0.5)]
    for p in ps:
        p.start()
    print(sorted(c.name for c in multiprocessing.active_children()))
    ps[0].join()
    print(sorted(c.name for c in multiprocessing.active_children()))
    ps[1].join()
    print(multiprocessing.active_children())
