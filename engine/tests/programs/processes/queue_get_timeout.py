import multiprocessing
import queue

if __name__ == "__main__":
    q = multiprocessing.Queue()
    try:
        q.get(timeout=0.1)
    except queue.Empty:
        print("empty after timeout")
    try:
        q.get_nowait()
    except queue.Empty:
        print("empty at once")
    print(multiprocessing.queues.Queue is type(q))
