# is_alive() is False before start(), True while the target runs, False after join().
import threading
import time

def worker():
    time.sleep(0.2)

t = threading.Thread(target=worker)
print("before start:", t.is_alive())
t.start()
print("while running:", t.is_alive())
t.join()
print("after join:", t.is_alive())
