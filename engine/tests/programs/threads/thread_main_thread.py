# main_thread() is the thread the program started in, as seen from the main thread and from a worker.
import threading

def worker():
    print("worker: main_thread().name =", threading.main_thread().name)
    print("worker: current is main?", threading.current_thread() is threading.main_thread())

print("main: main_thread().name =", threading.main_thread().name)
print("main: current is main?", threading.current_thread() is threading.main_thread())
t = threading.Thread(target=worker)
t.start()
t.join()
