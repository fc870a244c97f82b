# Three threads meet at a barrier before going on.
import threading

barrier = threading.Barrier(3)
order = []


def work(n):
    order.append(("before", n))
    barrier.wait()
    order.append(("after", n))


threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(all(o[0] == "before" for o in order[:3]))
