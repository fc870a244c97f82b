# time.thread_time and process_time count CPU time: sleeping adds nothing, computing does.
import threading
import time

def sleeper(out):
    t0 = time.thread_time()
    time.sleep(0.3)
    out["sleeper"] = time.thread_time() - t0

def cruncher(out):
    t0 = time.thread_time()
    total = 0
    for i in range(200_000):
        total += i
    out["cruncher"] = time.thread_time() - t0

out = {}
p0 = time.process_time()
w0 = time.perf_counter()
threads = [threading.Thread(target=sleeper, args=(out,)), threading.Thread(target=cruncher, args=(out,))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("sleeper used almost no CPU:", out["sleeper"] < 0.01)
print("cruncher used CPU:", out["cruncher"] > 0.001)
print("process CPU below wall time:", time.process_time() - p0 < time.perf_counter() - w0)
