# daemon defaults to the creating thread's flag, and cannot change once the thread is running.
import threading
import time

flags = []

def child():
    pass

def parent():
    inner = threading.Thread(target=child)
    flags.append(inner.daemon)

print("main thread daemon:", threading.current_thread().daemon)
print("default:", threading.Thread(target=child).daemon)
d = threading.Thread(target=parent, daemon=True)
d.start()
d.join()
print("created inside a daemon thread:", flags[0])

slow = threading.Thread(target=time.sleep, args=(0.2,))
slow.start()
try:
    slow.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)
slow.join()
