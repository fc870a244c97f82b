import heapq
import bisect

heap = []
for n in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(heap, n)
print(heap[0], [heapq.heappop(heap) for _ in range(3)], heap)
print(heapq.nsmallest(2, [7, 3, 9, 1]), heapq.nlargest(2, [7, 3, 9, 1]))
tasks = [(2, "write"), (1, "plan"), (3, "test")]
heapq.heapify(tasks)
print(heapq.heappop(tasks))
sorted_list = [1, 3, 5, 7]
print(bisect.bisect_left(sorted_list, 5), bisect.bisect_right(sorted_list, 5))
bisect.insort(sorted_list, 4)
print(sorted_list)
