# A Thread subclass overriding run() runs it in the new thread; its default name is Thread-N without a target suffix.
import threading

class Squarer(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.result = None

    def run(self):
        self.result = self.n * self.n
        print("run() in", threading.current_thread().name)

w = Squarer(7)
w.start()
w.join()
print("result:", w.result)
print("name:", w.name)
