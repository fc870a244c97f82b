import multiprocessing
import time

def hold(lock, q):
    with lock:
        q.put("child has the lock")
        time.sleep(0.5)
    q.put("child released it")

if __name__ == "__main__":
    lock = multiprocessing.Lock()
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=hold, args=(lock, q))
    p.start()
    print(q.get())
    print("parent can take it now?", lock.acquire(False))
    print("parent waits:", lock.acquire())
    print(q.get())
    lock.release()
    p.join()
