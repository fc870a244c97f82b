import multiprocessing

if __name__ == "__main__":
    s = multiprocessing.BoundedSemaphore(2)
    print(s)
    s.acquire()
    print(s.get_value())
    s.release()
    try:
        s.release()
    except ValueError as e:
        print("ValueError:", e)
    t = multiprocessing.Semaphore(0)
    print(t.acquire(timeout=0.1))
    t.release()
    print(t.acquire(False), t)
