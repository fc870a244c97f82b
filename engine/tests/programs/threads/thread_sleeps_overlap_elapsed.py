# Three threads each sleeping 1 s overlap: the whole takes about 1 s, not 3 s.
import threading
import time

start = time.monotonic()
threads = [threading.Thread(target=time.sleep, args=(1,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("elapsed", round(time.monotonic() - start, 1))
