import multiprocessing

def nested(lock, q):
    with lock:
        with lock:
            q.put("inner section in " + multiprocessing.current_process().name)

if __name__ == "__main__":
    lock = multiprocessing.RLock()
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=nested, args=(lock, q))
    p.start()
    print(q.get())
    p.join()
    print(lock)
    lock.acquire()
    lock.acquire()
    print(lock)
    lock.release()
    lock.release()
    try:
        lock.release()
    except AssertionError as e:
        print("AssertionError:", e)
