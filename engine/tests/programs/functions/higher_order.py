def compose(f, g):
    return lambda x: f(g(x))

inc = lambda x: x + 1
square = lambda x: x * x
print(compose(inc, square)(5))
print(compose(square, inc)(5))

def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x

print(apply_n(inc, 10, 0))
print(list(map(pow, [2, 3, 4], [3, 2, 1])))
print(list(zip("abc", range(3), [True, False, True])))
