import multiprocessing
import queue

if __name__ == "__main__":
    q = multiprocessing.Queue(maxsize=2)
    q.put(1)
    q.put(2)
    try:
        q.put_nowait(3)
    except queue.Full:
        print("full")
    try:
        q.put(3, timeout=0.1)
    except queue.Full:
        print("still full")
    print(q.get(), q.get())
