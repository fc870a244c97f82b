# A thread may start and join another thread; the default-name counter keeps counting.
import threading

def inner():
    print("inner:", threading.current_thread().name)

def outer():
    print("outer:", threading.current_thread().name)
    t = threading.Thread(target=inner)
    t.start()
    t.join()

t = threading.Thread(target=outer)
t.start()
t.join()
print("next default name:", threading.Thread().name)
