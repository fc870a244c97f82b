people = [("alice", 30), ("bob", 25), ("carol", 35), ("dave", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
double = lambda x: x * 2
print(double(21))
print(list(map(lambda s: s.upper(), ["a", "b"])))
print(list(filter(lambda n: n % 3 == 0, range(10))))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
