# A thread cannot join itself: RuntimeError, caught in a worker, uncaught in the main thread.
import threading

def worker():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        print("worker:", e)

t = threading.Thread(target=worker)
t.start()
t.join()
threading.main_thread().join()
