def inner():
    yield 1
    raise ValueError('v')
def outer():
    yield from inner()
list(outer())
