# A daemon thread still sleeping when the main thread ends is abandoned: its output never appears.
import threading
import time

def background():
    print("daemon started")
    time.sleep(5)
    print("daemon finished (never printed)")

t = threading.Thread(target=background, daemon=True)
t.start()
time.sleep(0.1)
print("daemon alive:", t.is_alive())
print("main thread exits")
