# join() always returns None, may be called again on a finished thread, and accepts timeout=None.
import threading

t = threading.Thread(target=lambda: None)
t.start()
print(t.join())
print(t.join())
print(t.join(timeout=None))
print(t.join(0))
print("alive:", t.is_alive())
