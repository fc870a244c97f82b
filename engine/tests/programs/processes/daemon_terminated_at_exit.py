import multiprocessing
import time

def forever():
    while True:
        time.sleep(0.1)

def finite(q):
    time.sleep(0.2)
    q.put("finite done")

if __name__ == "__main__":
    q = multiprocessing.Queue()
    d = multiprocessing.Process(target=forever, daemon=True)
    f = multiprocessing.Process(target=finite, args=(q,))
    d.start()
    f.start()
    print(d.daemon, f.daemon)
    print(q.get())
    print("main ends")
