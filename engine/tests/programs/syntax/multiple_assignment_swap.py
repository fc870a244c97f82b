a, b = 1, 2
a, b = b, a
print(a, b)
x = y = z = []
x.append(1)
print(y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (name, score) in enumerate([("ann", 3), ("bob", 5)]):
    print(i, name, score)
