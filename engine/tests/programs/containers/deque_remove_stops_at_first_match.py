# deque.remove compares items from the left and stops at the first equal one; an __eq__ that changes the
# deque while it is searched makes remove fail with IndexError (count and index say RuntimeError).
from collections import deque


class Probe:
    calls = 0

    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        Probe.calls += 1
        return other == self.target


d = deque(range(10))
d.remove(Probe(5))
print(d, Probe.calls)

d = deque([1, 2, 3, 2])
d.remove(2)
print(d)


class Meddler:
    def __init__(self, d):
        self.d = d

    def __eq__(self, other):
        print("compared with", other)
        self.d.append(9)
        return False


d = deque([1, 2, 3])
for method in ("remove", "count", "index"):
    try:
        getattr(d, method)(Meddler(d))
    except Exception as e:
        print(method, type(e).__name__, e)
print(d)

try:
    deque(["a"]).remove("b")
except ValueError as e:
    print(e)
