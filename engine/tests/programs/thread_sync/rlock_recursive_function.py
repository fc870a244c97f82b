# A recursive function can take the same RLock at every level.
import threading

rlock = threading.RLock()

def factorial(n):
    with rlock:
        if n <= 1:
            return 1
        return n * factorial(n - 1)

results = []
threads = [threading.Thread(target=lambda n=n: results.append(factorial(n))) for n in (5, 6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
