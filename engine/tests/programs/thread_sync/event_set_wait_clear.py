# Event: is_set, set, wait returning True, clear.
import threading

ev = threading.Event()
print("initially:", ev.is_set())
ev.set()
print("after set:", ev.is_set(), ev.wait())
ev.clear()
print("after clear:", ev.is_set())
