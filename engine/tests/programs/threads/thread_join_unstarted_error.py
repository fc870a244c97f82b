# Joining a thread that was never started raises RuntimeError.
import threading

t = threading.Thread(target=print, args=("never printed",))
print("joining an unstarted thread")
t.join()
