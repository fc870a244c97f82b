# "counter += 1" in four threads, 100000 times each: CPython 3.11 checks for a GIL switch only at
# calls and backward jumps, never inside the increment, so no update is lost.
import threading

counter = 0

def work():
    global counter
    for _ in range(100000):
        counter += 1

threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter)
