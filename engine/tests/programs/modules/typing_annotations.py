import typing as t
from typing import *
T = TypeVar('T'); K = TypeVar('K', covariant=True); S = TypeVar('S', int, str)
print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None], Union[int], Callable[[int, str], bool], Callable[..., int], Tuple[int, ...], Tuple[()], List, Dict, Any, T, K, S, Set[T], Iterable[int], Awaitable[int], Coroutine[Any, Any, int], Generator[int, None, None], Type[int], Literal['a', 1], ClassVar[int], Final[int], Annotated[int, 'meta'], Optional[List[int]], Union[int, str, None], FrozenSet[int], Deque[int], DefaultDict[str, int], Counter[str], AsyncIterator[int], Sequence[int], Mapping[str, int], Callable, Union, Optional, NoReturn, Union[None, int], Optional[Union[int, str]], Iterator[int], AsyncGenerator[int, None], Hashable, Sized, Text, AnyStr, Type, Tuple, Tuple[int, str])
U = NewType('UserId', int); print(U, U(5), type(U(5)))
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]), get_args(Optional[int]), get_origin(int), get_args(int), cast(int, 'x'), TYPE_CHECKING)
class P(NamedTuple):
    x: int
    y: int = 0
    def s(self):
        return self.x + self.y
print(P(1), P(1, 2).s(), P._fields, P._field_defaults, isinstance(P(1), tuple), P.__annotations__, P(3, 4)._replace(y=0), P(5)._asdict())
a, b = P(7, 8); print(a, b, P(1) == (1, 0))
Q = NamedTuple('Q', [('a', int), ('b', str)]); print(Q(1, 'x'), Q.__annotations__)
class M(TypedDict):
    name: str
    year: int
m = M(name='x', year=1); print(m, type(m), M.__annotations__)
class Box(Generic[T]):
    def __init__(self, v: T):
        self.v = v
print(Box[int](3).v, Box(4).v)
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self):
        pass
print(isinstance(F(), Closer), isinstance(1, Closer))
class NP(Protocol):
    def x(self): ...
try:
    isinstance(F(), NP)
except TypeError as e:
    print(e)
class Impl(NP):
    def x(self):
        return 1
print(Impl().x(), isinstance(Impl(), NP) if False else '')
print(Optional[int] == Union[int, None], List[int] == List[int], Union[int, str] == Union[str, int])
def f(a: int, b: 'str' = 'x') -> List[int]:
    return [a]
print(f(1))
async def g(x: Optional[Dict[str, Any]] = None) -> Awaitable[None]:
    return None
print(callable(g))
