def f():
    return undefined
f()
