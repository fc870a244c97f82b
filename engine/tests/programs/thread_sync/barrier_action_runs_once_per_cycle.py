# The barrier's action runs once each time all parties arrive; the barrier is reusable.
import threading

rounds = []
barrier = threading.Barrier(2, action=lambda: rounds.append(len(rounds)))

def party():
    for _ in range(3):
        barrier.wait()

threads = [threading.Thread(target=party) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("action ran for rounds:", rounds)
