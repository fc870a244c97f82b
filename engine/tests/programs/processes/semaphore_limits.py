import multiprocessing
import time

def use(sem, inside, peak, lock):
    with sem:
        with lock:
            inside.value += 1
            peak.value = max(peak.value, inside.value)
        time.sleep(0.2)
        with lock:
            inside.value -= 1

if __name__ == "__main__":
    sem = multiprocessing.Semaphore(2)
    inside = multiprocessing.Value("i", 0)
    peak = multiprocessing.Value("i", 0)
    lock = multiprocessing.Lock()
    ps = [multiprocessing.Process(target=use, args=(sem, inside, peak, lock)) for _ in range(5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("at most inside at once:", peak.value)
    print(sem)
