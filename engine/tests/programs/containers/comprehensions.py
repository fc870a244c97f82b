print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x, 3)])
print([[r * c for c in range(1, 4)] for r in range(1, 4)])
print({w: len(w) for w in ["hi", "hello", "hey"]})
print({n % 4 for n in range(10)})
print([c.upper() if c in "aeiou" else c for c in "asyncio"])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)], [n for row in matrix for n in row])
x = "outer"
print([x for x in "ab"], x)
