def two():
    yield "a"
    yield "b"
    return "result"

g = two()
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(next(g, "exhausted"))
