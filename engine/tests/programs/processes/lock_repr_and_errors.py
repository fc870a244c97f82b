import multiprocessing

if __name__ == "__main__":
    lock = multiprocessing.Lock()
    print(lock)
    lock.acquire()
    print(lock)
    print(lock.acquire(False))
    print(lock.acquire(timeout=0.1))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)
