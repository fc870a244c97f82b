def g(x):
    return x[5]
def f():
    return g([1]) + 1
print(f())
