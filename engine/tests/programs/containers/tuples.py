point = (3, 4)
x, y = point
print(point, x, y, len(point), point[0])
single = (1,)
empty = ()
print(single, empty, type(single).__name__, (1), tuple([1, 2]))
print((1, 2) + (3,), (0,) * 3, (1, 2, 3).index(2), (1, 1, 2).count(1))
try:
    point[0] = 9
except TypeError as e:
    print("TypeError:", e)
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested)
print(hash((1, 2)) == hash((1, 2)), (1, 2) in {(1, 2): "p"})
