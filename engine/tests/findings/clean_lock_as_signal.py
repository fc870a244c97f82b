# A plain Lock used as a signal: the main thread holds it and waits to take it again, and the worker releases
# it for the main thread. Not a deadlock, though it looks like one until the worker runs.
import threading
import time

done = threading.Lock()
done.acquire()
results = []


def worker():
    time.sleep(0.1)
    results.append(42)
    done.release()


threading.Thread(target=worker).start()
done.acquire()
print(results)
