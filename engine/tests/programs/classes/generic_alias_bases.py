class MyList(list[int]):
    pass
m = MyList([1, 2])
print(m, type(m).__mro__, isinstance(m, list))
class D(dict[str, int]): pass
print(D(a=1))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
print(list[int]([1, 2]) if False else "skip")
try:
    issubclass(list, list[int])
except TypeError as e:
    print(e)
classes = [int, str]
class FromIndex(classes[1]):
    pass
print(FromIndex("x").upper(), FromIndex.__mro__)
