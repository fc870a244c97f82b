# Barrier.wait() releases all parties together and gives each a distinct index.
import threading

barrier = threading.Barrier(3)
indices = []

def party():
    indices.append(barrier.wait())

threads = [threading.Thread(target=party) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("parties:", barrier.parties)
print("indices:", sorted(indices))
