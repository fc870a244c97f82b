# An RLock released by a thread that does not own it raises RuntimeError in that thread.
import threading

rlock = threading.RLock()
rlock.acquire()

def intruder():
    try:
        rlock.release()
    except RuntimeError as e:
        print("intruder:", e)

t = threading.Thread(target=intruder)
t.start()
t.join()
rlock.release()
print("owner released it")
