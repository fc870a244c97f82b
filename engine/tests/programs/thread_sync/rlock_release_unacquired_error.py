# Releasing an RLock more times than it was acquired raises RuntimeError.
import threading

rlock = threading.RLock()
with rlock:
    with rlock:
        print("held twice")
print("released twice")
rlock.release()
