import itertools as it
from itertools import *
print(list(islice(count(), 5)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
c = count(10, 5); next(c); print(c, repeat(3, 2), repeat('x'), count(2.5))
print(list(repeat(7, 3)), list(zip(range(3), repeat('a'))), list(repeat(1, -2)))
print(list(islice(cycle('AB'), 5)), list(chain('ab', [1, 2])), list(chain.from_iterable(['xy', 'z'])))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()))
print(list(product('AB', repeat=2)), list(product([1, 2], 'x')), list(product()))
print(list(permutations('ABC', 2)), len(list(permutations(range(4)))))
print(list(combinations('ABCD', 2)), list(combinations(range(3), 5)), list(combinations_with_replacement('AB', 2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=100)), list(accumulate([])))
for k, g in groupby('AAAABBBCCDAABBB'):
    print(k, list(g), end='; ')
print()
print([(k, len(list(g))) for k, g in groupby(sorted(['apple', 'avocado', 'banana', 'cherry']), key=lambda w: w[0])])
gs = [(k, g) for k, g in groupby('aabb')]
print([(k, list(g)) for k, g in gs])
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(starmap(pow, [(2, 5), (3, 2)])), list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(pairwise('ABCD')))
a, b = tee([1, 2, 3])
print(list(a), list(b))
a, b, c = tee(iter(range(4)), 3)
print(next(a), next(a), list(b), list(c), list(a))
src = iter(range(10))
print(list(islice(src, 2, 4)), next(src))
src = iter(range(10))
print(list(islice(src, 5, 2)), next(src))
src = iter(range(10))
print(list(islice(src, 0, 6, 4)), next(src))
for bad in [(-1,), (0, -1), ('a',), (1, 2, 0)]:
    try:
        islice([1], *bad)
    except ValueError as e:
        print(e)
for f in (lambda: zip_longest(1), lambda: permutations([1], -1), lambda: tee([1], -1), lambda: cycle(3)):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(list(islice(count(1), 0)), list(islice([], 3)))
