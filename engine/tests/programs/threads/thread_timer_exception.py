# An exception in a Timer's function is reported like any thread's, under the Timer's Thread-N name.
import threading

def explode():
    raise OSError("timer failed")

t = threading.Timer(0.05, explode)
t.start()
t.join()
print("after timer")
