# An exception in an overridden run() is reported with the subclass thread's default name.
import threading

class Broken(threading.Thread):
    def run(self):
        print("about to fail")
        1 / 0

b = Broken()
b.start()
b.join()
print("main still running")
