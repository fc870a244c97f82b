import multiprocessing
import time

def waiter(ev, q):
    q.put("waiting")
    ev.wait()
    q.put("released")

if __name__ == "__main__":
    ev = multiprocessing.Event()
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=waiter, args=(ev, q))
    p.start()
    print(q.get())
    time.sleep(0.2)
    print("is_set:", ev.is_set())
    ev.set()
    print(q.get())
    p.join()
    print("is_set:", ev.is_set())
    ev.clear()
    print("wait with timeout:", ev.wait(0.1))
