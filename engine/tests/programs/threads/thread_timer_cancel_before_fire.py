# A Timer cancelled before its interval ends never calls its function.
import threading
import time

def ring():
    print("ring (never printed)")

t = threading.Timer(0.5, ring)
t.start()
time.sleep(0.1)
t.cancel()
t.join()
print("cancelled; alive:", t.is_alive())
