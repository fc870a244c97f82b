class S:
    __slots__ = ("x", "y")
    z = 5
s = S()
s.x = 1
print(s.x)
for name in ("y", "q"):
    try:
        getattr(s, name)
    except AttributeError as e:
        print("get", name, e)
try:
    s.z = 3
except AttributeError as e:
    print("set z", e)
try:
    s.__dict__
except AttributeError as e:
    print("dict", e)
try:
    del s.y
except AttributeError as e:
    print("del", e)
del s.x
print(hasattr(s, "x"))
try:
    vars(s)
except TypeError as e:
    print("vars", e)
class D(S):
    pass
d = D(); d.q = 4; print(d.__dict__)
class E(S):
    __slots__ = "w"
e = E(); e.w = 1; e.x = 2; print(e.w, e.x)
try:
    e.q = 1
except AttributeError as ex:
    print(ex)
class F:
    __slots__ = ["a", "__dict__"]
f = F(); f.a = 1; f.b = 2; print(f.__dict__)
try:
    class G:
        __slots__ = ("a",)
        a = 1
except ValueError as ex:
    print(ex)
class H:
    __slots__ = ()
    def __init__(self):
        object.__setattr__(self, "k", 1)
try:
    H()
except AttributeError as ex:
    print(ex)
class P:
    __slots__ = ("_v",)
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val
p = P(); p.v = 3; print(p.v)
print(S.__slots__)
class Priv:
    __slots__ = ("__secret",)
    def __init__(self):
        self.__secret = 7
    def reveal(self):
        return self.__secret
print(Priv().reveal())
try:
    class Bad:
        __slots__ = (1,)
except TypeError as ex:
    print(ex)
class Slow:
    __slots__ = ("n",)
t = Slow()
for i in range(3):
    t.n = i
print(t.n)
try:
    t.m = 0
except AttributeError as ex:
    print(ex)
