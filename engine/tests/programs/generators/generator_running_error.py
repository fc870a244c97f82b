def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

for i, n in enumerate(fib()):
    if i >= 10:
        break
    print(n, end=" ")
print()

def bad():
    yield 1
    raise StopIteration

try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
