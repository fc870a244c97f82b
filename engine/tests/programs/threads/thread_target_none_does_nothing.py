# A Thread without a target runs nothing and finishes at once.
import threading

t = threading.Thread()
t.start()
t.join()
print(t.name, "finished:", not t.is_alive())
