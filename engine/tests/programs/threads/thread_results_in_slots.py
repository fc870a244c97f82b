# Each thread writes its result into its own slot of a shared list; after joining, the list is complete.
import threading

results = [None] * 5

def square(i):
    results[i] = i * i

threads = [threading.Thread(target=square, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
