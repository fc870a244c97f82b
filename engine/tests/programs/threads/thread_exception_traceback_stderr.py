# An uncaught exception kills only its thread: it is reported on stderr and the main thread goes on.
import threading

def worker():
    raise ValueError("boom")

t = threading.Thread(target=worker)
t.start()
t.join()
print("main continues; worker alive:", t.is_alive())
