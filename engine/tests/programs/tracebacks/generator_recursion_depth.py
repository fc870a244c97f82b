# Generators count toward the recursion limit as calls do: a chain of 900 is fine, an endless one is not.
def chain(n):
    if n == 0:
        yield "bottom"
    else:
        yield from chain(n - 1)


print(next(chain(900)))


def countdown(n):
    for x in countdown(n + 1):
        yield x


for x in countdown(0):
    pass
