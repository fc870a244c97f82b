# repr() of an unstarted thread shows its name and state, with "daemon" when set.
import threading

def job():
    pass

print(repr(threading.Thread(target=job)))
print(repr(threading.Thread(name="bg", daemon=True)))
