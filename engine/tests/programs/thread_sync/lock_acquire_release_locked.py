# Lock.acquire() returns True, locked() reports the state, release() frees it.
import threading

lock = threading.Lock()
print("locked at first:", lock.locked())
print("acquire:", lock.acquire())
print("locked:", lock.locked())
lock.release()
print("locked after release:", lock.locked())
