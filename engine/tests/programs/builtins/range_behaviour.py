print(list(range(5)), list(range(2, 8, 2)), list(range(5, 0, -1)), list(range(0)))
r = range(10, 100, 10)
print(r, len(r), r[2], r[-1], 50 in r, 55 in r, r.index(40))
print(r[1:3], list(r[::-1])[:3], range(3) == range(0, 3))
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
print(sum(range(101)), max(range(7)), list(reversed(range(3))))
