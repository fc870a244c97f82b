# A class's own __setattr__ sees every assignment, to properties too; object.__setattr__ then runs the property's setter.
class A:
    __slots__ = ("_n",)
    def __setattr__(self, k, v):
        raise AttributeError("custom " + k)
    @property
    def name(self):
        return 1
a = A()
try:
    a.name = 2
except AttributeError as e:
    print(e)
try:
    a.other = 2
except AttributeError as e:
    print(e)
class B:
    def __setattr__(self, k, v):
        print("set", k)
        object.__setattr__(self, k, v)
    @property
    def p(self): return 1
    @p.setter
    def p(self, v): print("setter", v)
b = B(); b.p = 5; b.x = 1
