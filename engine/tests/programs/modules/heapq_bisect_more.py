import heapq
import bisect
h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), heapq.heappushpop(h, 4), heapq.heapreplace(h, 0), h)
data = [(3, 'c'), (1, 'a'), (3, 'b'), (2, 'x'), (1, 'z')]
heapq.heapify(data); print(data)
print(heapq.nlargest(3, [1, 8, 2, 8, 3], ), heapq.nsmallest(2, ['bb', 'a', 'ccc'], key=len), heapq.nlargest(2, [('a', 1), ('b', 3), ('c', 3)], key=lambda p: p[1]))
print(list(heapq.merge([1, 4, 7], [2, 5], [0, 9])), list(heapq.merge(['b', 'a'], ['c'], reverse=True)))
for f in (lambda: heapq.heappop([]), lambda: heapq.heappush((), 1)):
    try:
        f()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
a = [1, 2, 2, 4]
print(bisect.bisect(a, 2), bisect.bisect_left(a, 2), bisect.bisect_right(a, 2, 0, 2), bisect.bisect_left(a, 3, key=None))
bisect.insort_left(a, 2); bisect.insort(a, 5); print(a)
recs = [('a', 1), ('b', 3)]
bisect.insort(recs, ('c', 2), key=lambda r: r[1]); print(recs, bisect.bisect_left(recs, 2, key=lambda r: r[1]))
try:
    bisect.bisect([1], 1, -1)
except ValueError as e:
    print(e)
