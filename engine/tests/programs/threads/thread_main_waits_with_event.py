# The main thread waits on an Event that a worker sets after preparing data.
import threading
import time

ready = threading.Event()
shared = {}

def prepare():
    time.sleep(0.1)
    shared["answer"] = 42
    print("worker: data ready")
    ready.set()

threading.Thread(target=prepare).start()
print("main: waiting")
ready.wait()
print("main: answer is", shared["answer"])
