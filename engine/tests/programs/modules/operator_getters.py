import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(1, 2), operator.sub(5, 3), operator.truediv(7, 2), operator.floordiv(7, 2), operator.neg(3), operator.not_(0))
print(operator.getitem([1, 2, 3], 1), operator.contains([1], 1), operator.countOf([1, 1, 2], 1), operator.indexOf('abc', 'c'))
print(itemgetter(1)([5, 6]), itemgetter(0, 2)('xyz'), itemgetter('a')({'a': 9}), repr(itemgetter(1, 'k')))
class P:
    def __init__(self): self.name = 'n'; self.child = self
    def hi(self, x, y=1): return x + y
print(attrgetter('name')(P()), attrgetter('child.name', 'name')(P()), repr(attrgetter('a.b')), methodcaller('hi', 2, y=5)(P()), repr(methodcaller('hi', 2, y=5)))
print(sorted([('b', 2), ('a', 2), ('c', 1)], key=itemgetter(1, 0)))
try:
    operator.concat(1, 2)
except TypeError as e:
    print(e)
l = [1]; operator.iadd(l, [2]); print(l, operator.lt(1, 2), operator.is_(None, None), operator.index(5), operator.pow(2, 10))
