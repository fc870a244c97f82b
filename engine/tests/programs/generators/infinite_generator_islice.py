import itertools

def naturals():
    n = 0
    while True:
        yield n
        n += 1

print(list(itertools.islice(naturals(), 5)))
evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(4)])
print(list(itertools.takewhile(lambda x: x < 4, naturals())))
print(list(itertools.chain([1, 2], (3, 4))))
print(list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.product("ab", repeat=2)))
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations("abcd", 2)))
print(list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print([(k, len(list(g))) for k, g in itertools.groupby("aaabccaa")])
c = itertools.count(10, 5)
print(next(c), next(c))
print(list(itertools.repeat("x", 3)))
