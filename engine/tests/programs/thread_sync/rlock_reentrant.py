# An RLock can be acquired again by its owner; another thread cannot take it until every acquire is released.
import threading

rlock = threading.RLock()

def try_from_other():
    result = []
    t = threading.Thread(target=lambda: result.append(rlock.acquire(blocking=False)))
    t.start()
    t.join()
    return result[0]

print("first acquire:", rlock.acquire())
print("second acquire:", rlock.acquire())
rlock.release()
print("other thread after one release:", try_from_other())
rlock.release()
print("other thread after both releases:", try_from_other())
