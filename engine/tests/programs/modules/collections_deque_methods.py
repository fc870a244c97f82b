from collections import deque
d = deque('abc')
print(d, len(d), d[1], d[-1], 'b' in d, 'z' in d, list(reversed(d)), bool(deque()), bool(d))
d.rotate(-1); print(d)
d.rotate(4); print(d)
d.insert(1, 'X'); d.remove('a'); print(d, d.index('X'), d.count('c'))
d[0] = 'first'; del d[1]; print(d)
d.reverse(); print(d, d.copy(), d == deque(['c', 'first']), d != deque(), deque([1, 2]) < deque([1, 3]))
d.clear(); print(d, d.maxlen)
window = deque(maxlen=3)
for n in range(5):
    window.append(n)
    print(list(window), sum(window) / len(window))
window.appendleft(-1); print(window, window.maxlen)
window.extendleft([7, 8]); print(window)
print(deque(range(3)) + deque([9]), deque([1]) * 3, deque(maxlen=0))
q = deque()
q.extend([1, 2, 3])
while q:
    print("served", q.popleft())
for bad in (lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1]).remove(2), lambda: deque([1]).index(3),
            lambda: deque(maxlen=-1), lambda: deque([1], 1).insert(0, 2), lambda: hash(deque())):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print("RuntimeError", e)
nested = deque([1]); nested.append(nested); print(nested)
print(type(d).__name__, isinstance(d, deque), repr(deque([1], maxlen=2)))
