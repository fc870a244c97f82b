a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, b - a)
print(a <= {1, 2, 3, 4, 5}, {1, 2} < a, a.isdisjoint({9}), 3 in a)
a.add(10)
a.discard(1)
a.remove(2)
print(sorted(a), len(a))
try:
    a.remove(99)
except KeyError as e:
    print("KeyError:", e)
print(set([3, 1, 3, 2, 1]), set(), {0}, sorted({"pear", "apple", "fig"}))
print(frozenset({1, 2}) == {1, 2}, {x % 3 for x in range(10)})
