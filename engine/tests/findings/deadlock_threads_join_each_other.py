# Two threads each wait for the other to finish.
import threading
import time

threads = {}


def wait_for(other):
    time.sleep(0.01)
    threads[other].join()


threads["a"] = threading.Thread(target=wait_for, args=("b",))
threads["b"] = threading.Thread(target=wait_for, args=("a",))
threads["a"].start()
threads["b"].start()
threads["a"].join()
