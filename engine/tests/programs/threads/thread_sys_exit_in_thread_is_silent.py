# sys.exit() inside a thread ends only that thread, silently; the program's exit status stays 0.
import sys
import threading

def worker():
    print("worker calls sys.exit(3)")
    sys.exit(3)
    print("not reached")

t = threading.Thread(target=worker)
t.start()
t.join()
print("main continues, worker alive:", t.is_alive())
