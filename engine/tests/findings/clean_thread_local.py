# Each thread keeps its running total in threading.local(): the same name, a value per thread.
import threading
import time

local = threading.local()
totals = []
lock = threading.Lock()


def work(n):
    local.total = 0
    for i in range(n):
        local.total = local.total + i
        time.sleep(0.001)
    with lock:
        totals.append(local.total)


threads = [threading.Thread(target=work, args=(n,)) for n in (3, 4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(totals))
