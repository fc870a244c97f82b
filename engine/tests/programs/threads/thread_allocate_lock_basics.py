# _thread.allocate_lock(): acquire, locked, non-blocking acquire failing, release.
import _thread
import threading

lock = _thread.allocate_lock()
print("type:", type(lock).__name__, type(lock) is _thread.LockType)
print("same as threading.Lock:", type(threading.Lock()) is type(lock))
print("acquire:", lock.acquire())
print("locked:", lock.locked())
print("acquire(0):", lock.acquire(0))
lock.release()
print("locked after release:", lock.locked())
print("get_ident matches:", _thread.get_ident() == threading.get_ident())
