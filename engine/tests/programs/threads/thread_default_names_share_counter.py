# Default names come from one program-wide counter: "Thread-N (target)" with a target, "Thread-N" without.
import threading

def worker():
    pass

class Sub(threading.Thread):
    pass

threads = [
    threading.Thread(target=worker),
    threading.Thread(),
    Sub(),
    threading.Thread(target=worker, name="custom"),
    threading.Thread(target=lambda: None),
    threading.Thread(target=worker),
]
for t in threads:
    print(t.name)
