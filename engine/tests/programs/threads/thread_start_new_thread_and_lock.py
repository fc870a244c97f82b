# _thread.start_new_thread runs a function in a new thread; an allocate_lock() lock signals when it is done.
import _thread

done = _thread.allocate_lock()
done.acquire()
results = []

def worker(a, b):
    results.append(a + b)
    done.release()

_thread.start_new_thread(worker, (2, 3))
done.acquire()
print("result:", results)
