from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence, Mapping, MutableMapping, Callable, Hashable, Sized, Awaitable, Coroutine, Generator
import collections.abc
class S(ABC):
    @abstractmethod
    def perimeter(self): ...
    @abstractmethod
    def area(self): ...
class T(S):
    def area(self): return 1
class V(T):
    def perimeter(self): return 2
for c in (S, T, V):
    try:
        print(type(c()).__name__)
    except TypeError as e:
        print(e)
class U(ABC): pass
try: U(1)
except TypeError as e: print(e)
print(sorted(S.__abstractmethods__), isinstance(V(), S), issubclass(V, T))
print(isinstance([], Iterable), isinstance([], Sequence), isinstance({}, Mapping), isinstance({}, Sequence))
print(isinstance(iter([]), Iterator), isinstance([], Iterator), isinstance(len, Callable), isinstance(1, Callable))
print(isinstance([], Hashable), isinstance((1,), Hashable), isinstance("x", Sized), isinstance(5, Sized))
def g(): yield 1
async def co(): pass
c = co()
print(isinstance(g(), Generator), isinstance(g(), Iterator), isinstance(c, Awaitable), isinstance(c, Coroutine))
c.close()
class MyMap(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap({'a': 1, 'b': 2})
print(m.get('a'), m.get('z', 0), 'a' in m, list(m.keys()), list(m.items()), list(m.values()), m == {'a': 1, 'b': 2})
print(isinstance(m, Mapping), isinstance(m, collections.abc.Collection), len(m))
class M(Mapping): pass
try: M()
except TypeError as e: print(e)
class Seq(Sequence):
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
    def __len__(self): return 3
s = Seq()
print(list(s), 10 in s, s.index(20), s.count(0), list(reversed(s)))
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), Iterator), issubclass(It, Iterable), issubclass(list, Sequence))
class Reg(ABC): pass
Reg.register(int)
print(isinstance(3, Reg), issubclass(bool, Reg), isinstance("s", Reg))
