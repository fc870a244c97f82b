import multiprocessing
import time

def fill(cond, level):
    for _ in range(5):
        time.sleep(0.05)
        with cond:
            level.value += 1
            cond.notify_all()

if __name__ == "__main__":
    cond = multiprocessing.Condition()
    level = multiprocessing.Value("i", 0)
    p = multiprocessing.Process(target=fill, args=(cond, level))
    p.start()
    with cond:
        ok = cond.wait_for(lambda: level.value >= 3)
        print("reached 3:", ok, level.value >= 3)
    p.join()
    with cond:
        print("timed out:", cond.wait_for(lambda: level.value > 10, timeout=0.1))
