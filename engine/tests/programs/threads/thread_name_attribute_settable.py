# A thread's name can be given, read and reassigned; the new name is what current_thread() reports.
import threading

def show():
    print("inside:", threading.current_thread().name)

t = threading.Thread(target=show, name="first")
print("given:", t.name)
t.name = "second"
t.start()
t.join()
t.name = 42
print("after join:", t.name, type(t.name).__name__)
