it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")
calls = iter(lambda: 0, 0)
print(list(calls))
values = iter([4, 5, 6, 0, 7])
print(list(iter(lambda: next(values), 0)))
print(list(iter("xy")))
