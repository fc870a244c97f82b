# threading.Lock and threading.RLock are factory functions returning lock objects of the _thread types.
import _thread
import threading

print(type(threading.Lock()).__name__, type(threading.Lock()) is _thread.LockType)
print(type(threading.RLock()).__name__)
print(type(threading.Condition()).__name__, type(threading.Semaphore()).__name__)
print(type(threading.Event()).__name__, type(threading.Barrier(2)).__name__)
